package org.sanjeh.batch.dissatisfaction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sanjeh.batch.io.Lifecycle;
import org.sanjeh.batch.io.TicketHistories;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.sla.PolicyFile;
import org.sanjeh.core.sla.SlaClock;
import org.sanjeh.core.sla.SlaStatus;
import org.sanjeh.core.sla.SlaTarget;

/**
 * A ticket as it was while still open: everything up to its last solve before {@code asOf} (or up
 * to {@code asOf} if it is open then), never the solve itself or what came after. The SLA state is
 * {@code core}'s clock at that moment. This is what the dissatisfaction model may know: a survey is
 * sent after the solve, so nothing here can have seen the answer.
 */
public final class OpenTicketState implements TicketHistories.TicketFunction {

  private static final long serialVersionUID = 1L;

  public static final StructType SCHEMA =
      new StructType()
          .add("ticket_id", DataTypes.StringType, false)
          .add("customer_id", DataTypes.StringType, false)
          .add("created_ms", DataTypes.LongType, false)
          .add("cutoff_ms", DataTypes.LongType, false)
          .add("solved", DataTypes.BooleanType, false)
          .add("ticket_status", DataTypes.StringType, false)
          .add("channel", DataTypes.StringType, false)
          .add("team", DataTypes.StringType, false)
          .add("priority", DataTypes.StringType, false)
          .add("open_h", DataTypes.DoubleType, false)
          .add("frt_h", DataTypes.DoubleType, true)
          .add("fr_breached", DataTypes.DoubleType, false)
          .add("nr_breached", DataTypes.DoubleType, false)
          .add("res_breached", DataTypes.DoubleType, false)
          .add("waiting_h", DataTypes.DoubleType, false)
          .add("reopens", DataTypes.DoubleType, false)
          .add("customer_messages", DataTypes.DoubleType, false)
          .add("replies", DataTypes.DoubleType, false)
          .add("reassignments", DataTypes.DoubleType, false);

  private final long asOfMillis;
  private final String policyText;
  private transient PolicyFile.Loaded policy;

  public OpenTicketState(Instant asOf, String policyText) {
    this.asOfMillis = asOf.toEpochMilli();
    this.policyText = policyText;
  }

  @Override
  public Iterator<Row> apply(List<TicketEvent> all) {
    Instant asOf = Instant.ofEpochMilli(asOfMillis);
    List<TicketEvent> known = all.stream().filter(e -> e.occurredAt().isBefore(asOf)).toList();
    if (known.isEmpty()
        || known.stream()
            .anyMatch(e -> e.type() == EventType.DELETED || e.type() == EventType.MERGED)) {
      return java.util.Collections.emptyIterator();
    }
    // the moment of the last solve before asOf, if the ticket is solved then
    Lifecycle lifecycle = new Lifecycle();
    Instant lastSolve = null;
    for (TicketEvent e : known) {
      if (lifecycle.apply(e) == Lifecycle.Change.SOLVED) {
        lastSolve = e.occurredAt();
      }
    }
    boolean solved = lifecycle.solved();
    Instant cutoff = solved ? lastSolve : asOf;
    List<TicketEvent> open = new ArrayList<>();
    for (TicketEvent e : known) {
      if (e.occurredAt().isBefore(cutoff)) {
        open.add(e);
      }
    }
    if (open.isEmpty()) {
      return java.util.Collections.emptyIterator();
    }
    if (policy == null) {
      policy = PolicyFile.parse(policyText, "SLA policy");
    }
    SlaClock clock = new SlaClock(policy.policy(), policy.calendar());
    Lifecycle whileOpen = new Lifecycle();
    Instant created = open.get(0).occurredAt();
    Instant firstReply = null;
    Instant waitingSince = null;
    String customer = "";
    String team = "";
    String priority = "";
    String agent = null;
    int customerMessages = 0;
    int replies = 0;
    int reassignments = 0;
    for (TicketEvent e : open) {
      clock.apply(e);
      whileOpen.apply(e);
      customer = e.customerId() != null ? e.customerId() : customer;
      team = e.team() != null ? e.team() : team;
      priority = e.priority() != null ? e.priority().wire() : priority;
      if (e.type() == EventType.ASSIGNED
          && e.agentId() != null
          && agent != null
          && !agent.equals(e.agentId())) {
        reassignments++;
      }
      agent = e.agentId() != null ? e.agentId() : agent;
      if (e.authorRole() == AuthorRole.CUSTOMER && e.type().carriesMessage()) {
        customerMessages++;
        waitingSince = waitingSince == null ? e.occurredAt() : waitingSince;
      }
      if (e.isPublicHumanReply()) {
        replies++;
        firstReply = firstReply == null ? e.occurredAt() : firstReply;
        waitingSince = null;
      }
    }
    Row row =
        RowFactory.create(
            open.get(0).ticketId(),
            customer,
            created.toEpochMilli(),
            cutoff.toEpochMilli(),
            solved,
            solved ? "solved" : "open",
            open.get(open.size() - 1).channel().wire(),
            team,
            priority,
            hours(created, cutoff),
            firstReply == null ? null : hours(created, firstReply),
            breached(clock, SlaTarget.FIRST_RESPONSE, cutoff),
            breached(clock, SlaTarget.NEXT_RESPONSE, cutoff),
            breached(clock, SlaTarget.RESOLUTION, cutoff),
            waitingSince == null ? 0.0 : hours(waitingSince, cutoff),
            (double) whileOpen.reopens(),
            (double) customerMessages,
            (double) replies,
            (double) reassignments);
    return List.of(row).iterator();
  }

  private static double breached(SlaClock clock, SlaTarget target, Instant at) {
    return clock.report(target, at).status() == SlaStatus.BREACHED ? 1.0 : 0.0;
  }

  private static double hours(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 3_600_000.0;
  }
}
