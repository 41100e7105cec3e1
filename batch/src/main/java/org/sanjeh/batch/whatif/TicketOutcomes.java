package org.sanjeh.batch.whatif;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sanjeh.batch.io.TicketHistories;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.sla.SlaClock;
import org.sanjeh.core.sla.SlaTarget;
import org.sanjeh.core.sla.TargetReport;
import org.sanjeh.streaming.config.PolicyFile;

/**
 * One ticket's SLA outcome under a policy: its events applied in event-time order to {@code core}'s
 * {@link SlaClock}, the engine the live job drives, and each target reported as of {@code asOf}
 * (the newest event in the warehouse: where the live job's watermark stands). One row per target:
 * status, deadline, fulfilment, in whole seconds as {@code sla_tickets} stores them.
 */
public final class TicketOutcomes implements TicketHistories.TicketFunction {

  private static final long serialVersionUID = 1L;

  public static final StructType SCHEMA =
      new StructType()
          .add("ticket_id", DataTypes.StringType, false)
          .add("created_date", DataTypes.DateType, false)
          .add("target", DataTypes.StringType, false)
          .add("channel", DataTypes.StringType, false)
          .add("team", DataTypes.StringType, false)
          .add("priority", DataTypes.StringType, false)
          .add("after_policy", DataTypes.StringType, false)
          .add("after_status", DataTypes.StringType, false)
          .add("after_due_at", DataTypes.LongType, false)
          .add("after_fulfilled_at", DataTypes.LongType, false);

  private final String policyText;
  private final long asOfMillis;
  private final LocalDate from;
  private final LocalDate to;
  private transient PolicyFile.Loaded loaded;

  /** Tickets first seen on a UTC day in [from, to] are reported; others are skipped. */
  public TicketOutcomes(String policyText, Instant asOf, LocalDate from, LocalDate to) {
    this.policyText = policyText;
    this.asOfMillis = asOf.toEpochMilli();
    this.from = from;
    this.to = to;
    PolicyFile.parse(policyText, "what-if policy"); // refuse a bad policy before Spark starts
  }

  @Override
  public Iterator<Row> apply(List<TicketEvent> events) {
    LocalDate created = events.get(0).occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
    if (created.isBefore(from) || created.isAfter(to)) {
      return java.util.Collections.emptyIterator();
    }
    if (loaded == null) {
      loaded = PolicyFile.parse(policyText, "what-if policy");
    }
    SlaClock clock = new SlaClock(loaded.policy(), loaded.calendar());
    String team = "";
    String priority = "";
    for (TicketEvent event : events) {
      clock.apply(event);
      team = event.team() != null ? event.team() : team;
      priority = event.priority() != null ? event.priority().wire() : priority;
    }
    String channel = events.get(events.size() - 1).channel().wire();
    Instant asOf = Instant.ofEpochMilli(asOfMillis);
    List<Row> rows = new ArrayList<>(3);
    for (SlaTarget target : SlaTarget.values()) {
      TargetReport report = clock.report(target, asOf);
      rows.add(
          RowFactory.create(
              events.get(0).ticketId(),
              created,
              name(target),
              channel,
              team,
              priority,
              loaded.policy().name(),
              report.status().name().toLowerCase(Locale.ROOT),
              seconds(report.dueAt()),
              seconds(report.fulfilledAt())));
    }
    return rows.iterator();
  }

  /** first_response, next_response, resolution: as sla_alerts and the what-if table name them. */
  public static String name(SlaTarget target) {
    return target.name().toLowerCase(Locale.ROOT);
  }

  /** Whole seconds, 0 when absent: how sla_tickets stores an instant. */
  private static long seconds(Instant at) {
    return at == null ? 0 : Math.floorDiv(at.toEpochMilli(), 1000);
  }
}
