package org.sanjeh.batch.cli;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.sanjeh.batch.BatchJobs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code batch rollups --from D --to D}: the daily KPIs into kpi_daily. */
@Command(
    name = "rollups",
    mixinStandardHelpOptions = true,
    description = {
      "Daily KPIs per local day and time zone into kpi_daily: tickets created, solves, FCR,"
          + " zero-reply solves, reopens, backlog; overall and by channel, team and agent.",
      "Re-running a period replaces its rows."
    })
public final class RollupsCommand implements Callable<Integer> {

  @Mixin SparkOptions spark;

  @ArgGroup(exclusive = false, multiplicity = "1")
  PeriodOptions period;

  @Option(
      names = "--time-zone",
      description = "IANA time zone whose local days are rolled up (default: ${DEFAULT-VALUE}).",
      defaultValue = "Asia/Tehran")
  ZoneId zone;

  @Option(
      names = "--backlog-at",
      description =
          "Local time of the daily backlog snapshot, HH:MM, or 24:00 for the end of the day (default: ${DEFAULT-VALUE}).",
      defaultValue = "24:00")
  String backlogAt;

  @Override
  public Integer call() {
    period.check();
    return BatchJobs.rollups(spark, period.from, period.to, zone, backlogTime(backlogAt));
  }

  /** {@code null} for 24:00, the end of the day. */
  static LocalTime backlogTime(String text) {
    if (text.equals("24:00")) {
      return null;
    }
    try {
      return LocalTime.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--backlog-at \"" + text + "\" is not a time of day; use HH:MM, e.g. 17:00, or 24:00");
    }
  }
}
