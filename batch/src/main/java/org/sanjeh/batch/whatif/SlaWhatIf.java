package org.sanjeh.batch.whatif;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sanjeh.batch.Stages;
import org.sanjeh.batch.io.ClickHouseTables;
import org.sanjeh.batch.io.ReadPartition;
import org.sanjeh.batch.io.TicketHistories;
import org.sanjeh.core.sla.SlaTarget;

/**
 * {@code batch sla-whatif}: the tickets created in a period, recomputed under another SLA policy or
 * calendar with {@code core}'s engine, next to what the live job stored in {@code sla_tickets}
 * (before). Writes one row per ticket and target to {@code sla_whatif_tickets} and prints
 * compliance before and after by team, channel and priority, and the tickets that change status.
 */
public final class SlaWhatIf {

  public static final String TABLE = "sla_whatif_tickets";

  private static final String[] PREFIXES = {"fr", "nr", "res"};

  private static final StructType LIVE =
      new StructType()
          .add("ticket_id", DataTypes.StringType, false)
          .add("before_policy", DataTypes.StringType, false)
          .add("removed", DataTypes.StringType, false)
          .add("fr_status", DataTypes.StringType, false)
          .add("fr_due_at", DataTypes.LongType, false)
          .add("nr_status", DataTypes.StringType, false)
          .add("nr_due_at", DataTypes.LongType, false)
          .add("res_status", DataTypes.StringType, false)
          .add("res_due_at", DataTypes.LongType, false);

  private static final String LIVE_SQL =
      "SELECT ticket_id, policy, removed, fr_status, toUInt32(fr_due_at), nr_status,"
          + " toUInt32(nr_due_at), res_status, toUInt32(res_due_at)"
          + " FROM sla_tickets FINAL WHERE ($slice) AND (%s)";

  /** What a run found: tickets compared, ticket-targets whose status changes, the report. */
  public record Result(long ticketTargets, long changed, List<String> report) {}

  private SlaWhatIf() {}

  public static Result run(
      SparkSession spark,
      ClickHouseTables tables,
      String policyText,
      String scenario,
      LocalDate from,
      LocalDate to,
      int slices,
      int showTickets,
      PrintStream out,
      Stages stages) {
    Instant asOf = newestEvent(tables);
    String tickets = ticketsCreatedIn(from, to);
    Dataset<Row> after =
        TicketHistories.map(
            spark,
            tables.link(),
            tickets,
            slices,
            new TicketOutcomes(policyText, asOf, from, to),
            TicketOutcomes.SCHEMA);
    Dataset<Row> before =
        perTarget(
            tables.read(
                spark,
                LIVE_SQL.formatted(tickets),
                LIVE,
                ReadPartition.byKey("ticket_id", slices)));
    Dataset<Row> compared = compare(after, before).cache();
    long rows = compared.count();
    stages.done("recomputed and compared", rows + " ticket targets as of " + asOf);

    long version = ClickHouseTables.newVersion();
    String safeScenario = scenario.replace("'", "").replace("\\", "");
    tables.replace(
        compared
            .withColumn("scenario", lit(safeScenario))
            .withColumn("version", lit(version))
            .select(
                "scenario",
                "ticket_id",
                "created_date",
                "target",
                "channel",
                "team",
                "priority",
                "before_policy",
                "before_status",
                "before_due_at",
                "after_status",
                "after_due_at",
                "changed",
                "version"),
        TABLE,
        "scenario = '%s' AND created_date >= toDate('%s') AND created_date <= toDate('%s')"
            .formatted(safeScenario, from, to),
        "version",
        version);
    stages.done("replaced " + TABLE, "scenario " + safeScenario);

    List<String> report = report(compared, scenario, showTickets);
    report.forEach(out::println);
    long changed = compared.filter(col("changed").equalTo(1)).count();
    compared.unpersist();
    return new Result(rows, changed, report);
  }

  /**
   * Joins the recomputed targets to the live ones; a ticket the live job never saw is "missing".
   */
  public static Dataset<Row> compare(Dataset<Row> after, Dataset<Row> before) {
    return after
        .join(
            before,
            after
                .col("ticket_id")
                .equalTo(before.col("b_ticket_id"))
                .and(after.col("target").equalTo(before.col("b_target"))),
            "left")
        .withColumn("before_status", coalesce(col("b_status"), lit("missing")))
        .withColumn("before_due_at", coalesce(col("b_due_at"), lit(0L)))
        .withColumn("before_policy", coalesce(col("before_policy"), lit("")))
        .withColumn(
            "changed", when(col("before_status").equalTo(col("after_status")), 0).otherwise(1))
        .drop("b_ticket_id", "b_target", "b_status", "b_due_at", "removed");
  }

  /** sla_tickets' wide row as one row per target. */
  static Dataset<Row> perTarget(Dataset<Row> live) {
    Dataset<Row> all = null;
    SlaTarget[] targets = SlaTarget.values();
    for (int i = 0; i < targets.length; i++) {
      Dataset<Row> one =
          live.select(
              col("ticket_id").as("b_ticket_id"),
              lit(TicketOutcomes.name(targets[i])).as("b_target"),
              col("before_policy"),
              col("removed"),
              col(PREFIXES[i] + "_status").as("b_status"),
              col(PREFIXES[i] + "_due_at").as("b_due_at"));
      all = all == null ? one : all.unionByName(one);
    }
    return all;
  }

  /** Compliance = achieved / (achieved + breached), before and after, per dimension value. */
  static List<String> report(Dataset<Row> compared, String scenario, int showTickets) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "SLA what-if %s: %d ticket targets, %d change status"
            .formatted(
                scenario, compared.count(), compared.filter(col("changed").equalTo(1)).count()));
    for (String dimension : new String[] {"team", "channel", "priority"}) {
      lines.add("by " + dimension + ":");
      List<Row> groups =
          compared
              .groupBy(col(dimension), col("target"))
              .agg(
                  share("before_status", "achieved"),
                  share("before_status", "breached"),
                  share("after_status", "achieved"),
                  share("after_status", "breached"),
                  sum(col("changed")).as("changed"),
                  count(lit(1)).as("n"))
              .orderBy(col(dimension), col("target"))
              .collectAsList();
      for (Row g : groups) {
        lines.add(
            String.format(
                Locale.ROOT,
                "  %-12s %-15s before %s after %s  %d of %d change",
                g.getString(0),
                g.getString(1),
                compliance(g.getLong(2), g.getLong(3)),
                compliance(g.getLong(4), g.getLong(5)),
                g.getLong(6),
                g.getLong(7)));
      }
    }
    List<Row> changed =
        compared
            .filter(col("changed").equalTo(1))
            .orderBy(col("ticket_id"), col("target"))
            .limit(showTickets)
            .collectAsList();
    if (!changed.isEmpty()) {
      lines.add("tickets that change status (first " + showTickets + "):");
      for (Row r : changed) {
        lines.add(
            "  %s %s: %s -> %s"
                .formatted(
                    r.getAs("ticket_id"),
                    r.getAs("target"),
                    r.getAs("before_status"),
                    r.getAs("after_status")));
      }
    }
    return lines;
  }

  private static Column share(String column, String status) {
    return sum(when(col(column).equalTo(status), 1L).otherwise(0L)).as(column + "_" + status);
  }

  private static String compliance(long achieved, long breached) {
    return achieved + breached == 0
        ? "   -   (n=0)"
        : String.format(
            Locale.ROOT,
            "%5.1f%% (n=%d)",
            100.0 * achieved / (achieved + breached),
            achieved + breached);
  }

  private static Instant newestEvent(ClickHouseTables tables) {
    long millis =
        tables
            .link()
            .open()
            .queryLong(
                "SELECT max(toUInt64(toUInt32(occurred_at)) * 1000 + occurred_at_ms) FROM ticket_events");
    return Instant.ofEpochMilli(millis);
  }

  /** The tickets whose first event falls on a UTC day of the period. */
  static String ticketsCreatedIn(LocalDate from, LocalDate to) {
    return ("ticket_id IN (SELECT ticket_id FROM ticket_events GROUP BY ticket_id"
            + " HAVING min(occurred_at) >= toDateTime('%s 00:00:00')"
            + " AND min(occurred_at) < toDateTime('%s 00:00:00'))")
        .formatted(from, to.plusDays(1));
  }
}
