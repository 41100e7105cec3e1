package org.sanjeh.batch.rollup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sanjeh.batch.Stages;
import org.sanjeh.batch.io.ClickHouseTables;
import org.sanjeh.batch.io.TicketHistories;
import org.sanjeh.core.event.TicketEvent;

/**
 * The daily KPI rollup ({@code kpi_daily}): per local day, time zone and dimension (all, channel,
 * team, agent) the tickets created, solves, first solves with FCR and zero-reply solves, reopens
 * and the backlog snapshot. Facts come from {@link DailyFacts} per ticket; this class adds them up.
 */
public final class KpiRollup {

  public static final String TABLE = "kpi_daily";

  static final String[] COUNTERS = {
    "created", "solved", "solved_tickets", "fcr", "zero_reply_solved", "reopened", "backlog"
  };

  static final StructType FACTS =
      counters(
          new StructType()
              .add("local_date", DataTypes.DateType, false)
              .add("backlog_at", DataTypes.TimestampType, false)
              .add("channel", DataTypes.StringType, false)
              .add("team", DataTypes.StringType, false)
              .add("agent", DataTypes.StringType, false));

  private static StructType counters(StructType schema) {
    for (String counter : COUNTERS) {
      schema = schema.add(counter, DataTypes.IntegerType, false);
    }
    return schema;
  }

  private KpiRollup() {}

  /** The facts of a list of tickets' events (each ticket's events together, in order). */
  public static Dataset<Row> facts(
      SparkSession spark, DailyFacts definition, List<List<TicketEvent>> tickets) {
    List<Row> rows = new ArrayList<>();
    for (List<TicketEvent> ticket : tickets) {
      definition.of(ticket).forEach(f -> rows.add(row(definition, f)));
    }
    return spark.createDataFrame(rows, FACTS);
  }

  static TicketHistories.TicketFunction factsFunction(DailyFacts definition) {
    return events -> definition.of(events).stream().map(f -> row(definition, f)).iterator();
  }

  private static Row row(DailyFacts definition, DailyFacts.Fact f) {
    return RowFactory.create(
        f.day(),
        definition.snapshot(f.day()),
        f.channel(),
        f.team(),
        f.agent(),
        f.created(),
        f.solved(),
        f.solvedTickets(),
        f.fcr(),
        f.zeroReplySolved(),
        f.reopened(),
        f.backlog());
  }

  /** The kpi_daily rows: the facts summed per day and dimension value, with the run's version. */
  public static Dataset<Row> rollup(Dataset<Row> facts, String timeZone, long version) {
    Dataset<Row> all = byDimension(facts, "all", lit(""));
    for (String dimension : new String[] {"channel", "team", "agent"}) {
      all = all.unionByName(byDimension(facts, dimension, col(dimension)));
    }
    return all.withColumn("time_zone", lit(timeZone)).withColumn("version", lit(version));
  }

  private static Dataset<Row> byDimension(Dataset<Row> facts, String dimension, Column value) {
    Column[] sums = new Column[COUNTERS.length];
    for (int i = 0; i < COUNTERS.length; i++) {
      sums[i] = sum(col(COUNTERS[i])).cast(DataTypes.LongType).as(COUNTERS[i]);
    }
    return facts
        .withColumn("dimension", lit(dimension))
        .withColumn("dimension_value", value)
        .groupBy(col("local_date"), col("backlog_at"), col("dimension"), col("dimension_value"))
        .agg(sums[0], java.util.Arrays.copyOfRange(sums, 1, sums.length));
  }

  /**
   * Reads the ticket histories, rolls them up and replaces the period's rows of this time zone in
   * kpi_daily.
   *
   * @return rows written
   */
  public static long run(
      SparkSession spark,
      ClickHouseTables tables,
      DailyFacts definition,
      int slices,
      Stages stages) {
    String zone = definition.zone().getId();
    // the whole history, also after the period: a deletion takes a ticket out of every metric
    // retroactively, and "never reopened" (FCR) means never, not "not yet"
    Dataset<Row> facts =
        TicketHistories.map(spark, tables.link(), "1", slices, factsFunction(definition), FACTS)
            .cache();
    stages.done("read and walked ticket histories", facts.count() + " facts");
    long version = ClickHouseTables.newVersion();
    Dataset<Row> rows = rollup(facts, zone, version);
    long written =
        tables.replace(
            rows,
            TABLE,
            "time_zone = '%s' AND local_date >= toDate('%s') AND local_date <= toDate('%s')"
                .formatted(zone.replace("'", ""), definition.from(), definition.to()),
            "version",
            version);
    stages.done(
        "replaced " + TABLE,
        written + " rows for " + definition.from() + " to " + definition.to() + " in " + zone);
    facts.unpersist();
    return written;
  }
}
