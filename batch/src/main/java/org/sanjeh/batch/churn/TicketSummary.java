package org.sanjeh.batch.churn;

import java.time.Duration;
import java.time.Instant;
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
import org.sanjeh.core.sla.SlaClock;
import org.sanjeh.core.sla.SlaStatus;
import org.sanjeh.core.sla.SlaTarget;
import org.sanjeh.core.sla.TargetReport;
import org.sanjeh.streaming.config.PolicyFile;

/**
 * One ticket as it stood at {@code asOf}: only its events before that instant are looked at (later
 * ones are dropped here even if the read let them through), and its SLA is what {@code core}'s
 * clock says at that instant, not what the ticket's final row in sla_tickets says. So no churn
 * feature can see the future.
 */
public final class TicketSummary implements TicketHistories.TicketFunction {

  private static final long serialVersionUID = 1L;

  public static final StructType SCHEMA =
      new StructType()
          .add("customer_id", DataTypes.StringType, false)
          .add("ticket_id", DataTypes.StringType, false)
          .add("created_ms", DataTypes.LongType, false)
          .add("last_ms", DataTypes.LongType, false)
          .add("channel", DataTypes.StringType, false)
          .add("tier", DataTypes.StringType, false)
          .add("open", DataTypes.IntegerType, false)
          .add("reopens", DataTypes.IntegerType, false)
          .add("frt_h", DataTypes.DoubleType, true)
          .add("resolution_h", DataTypes.DoubleType, true)
          .add("fr_breached", DataTypes.IntegerType, false)
          .add("breaches", DataTypes.IntegerType, false)
          .add("replies", DataTypes.IntegerType, false)
          .add("customer_messages", DataTypes.IntegerType, false);

  private final long asOfMillis;
  private final String policyText;
  private transient PolicyFile.Loaded policy;

  public TicketSummary(Instant asOf, String policyText) {
    this.asOfMillis = asOf.toEpochMilli();
    this.policyText = policyText;
  }

  @Override
  public Iterator<Row> apply(List<TicketEvent> all) {
    Instant asOf = Instant.ofEpochMilli(asOfMillis);
    List<TicketEvent> events = all.stream().filter(e -> e.occurredAt().isBefore(asOf)).toList();
    String customer =
        events.stream()
            .map(TicketEvent::customerId)
            .filter(c -> c != null)
            .findFirst()
            .orElse(null);
    if (events.isEmpty()
        || customer == null
        || events.stream().anyMatch(e -> e.type() == EventType.DELETED)) {
      return java.util.Collections.emptyIterator();
    }
    if (policy == null) {
      policy = PolicyFile.parse(policyText, "SLA policy");
    }
    SlaClock clock = new SlaClock(policy.policy(), policy.calendar());
    Lifecycle lifecycle = new Lifecycle();
    Instant created = events.get(0).occurredAt();
    Instant firstReply = null;
    String tier = "";
    int replies = 0;
    int customerMessages = 0;
    for (TicketEvent e : events) {
      clock.apply(e);
      lifecycle.apply(e);
      tier = e.customerTier() != null ? e.customerTier() : tier;
      if (e.isPublicHumanReply()) {
        replies++;
        firstReply = firstReply == null ? e.occurredAt() : firstReply;
      }
      if (e.authorRole() == AuthorRole.CUSTOMER) {
        customerMessages++;
      }
    }
    int breaches = 0;
    for (SlaTarget target : SlaTarget.values()) {
      breaches += clock.report(target, asOf).status() == SlaStatus.BREACHED ? 1 : 0;
    }
    TargetReport first = clock.report(SlaTarget.FIRST_RESPONSE, asOf);
    TargetReport resolution = clock.report(SlaTarget.RESOLUTION, asOf);
    Row row =
        RowFactory.create(
            customer,
            events.get(0).ticketId(),
            created.toEpochMilli(),
            events.get(events.size() - 1).occurredAt().toEpochMilli(),
            events.get(0).channel().wire(),
            tier,
            lifecycle.open() ? 1 : 0,
            lifecycle.reopens(),
            firstReply == null ? null : hours(created, firstReply),
            resolution.fulfilledAt() == null ? null : hours(created, resolution.fulfilledAt()),
            first.status() == SlaStatus.BREACHED ? 1 : 0,
            breaches,
            replies,
            customerMessages);
    return List.of(row).iterator();
  }

  private static double hours(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 3_600_000.0;
  }
}
