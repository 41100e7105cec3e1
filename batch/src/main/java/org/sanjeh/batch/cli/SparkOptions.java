package org.sanjeh.batch.cli;

import java.util.HashMap;
import java.util.Map;
import org.sanjeh.batch.io.ClickHouseLink;
import picocli.CommandLine.Option;

/** What every job takes: where Spark runs and where the warehouse is. */
public final class SparkOptions {

  @Option(
      names = "--master",
      description = "Spark master when not under spark-submit (default: ${DEFAULT-VALUE}).",
      defaultValue = "local[*]")
  public String master;

  @Option(
      names = "--shuffle-partitions",
      description = "spark.sql.shuffle.partitions (default: ${DEFAULT-VALUE}).",
      defaultValue = "8")
  public int shufflePartitions;

  @Option(
      names = "--read-slices",
      description =
          "Key-range slices a ticket read is split into, one Spark task each (default: ${DEFAULT-VALUE}).",
      defaultValue = "8")
  public int readSlices;

  @Option(
      names = "--clickhouse-http-port",
      description =
          "ClickHouse HTTP port (default: SANJEH_CLICKHOUSE_HTTP_PORT, else ${DEFAULT-VALUE}).",
      defaultValue = "${env:SANJEH_CLICKHOUSE_HTTP_PORT:-8123}")
  public int clickHousePort;

  @Option(
      names = "--clickhouse-database",
      description =
          "ClickHouse database (default: SANJEH_CLICKHOUSE_DATABASE, else ${DEFAULT-VALUE}).",
      defaultValue = "${env:SANJEH_CLICKHOUSE_DATABASE:-sanjeh}")
  public String clickHouseDatabase;

  @Option(
      names = "--clickhouse-password-file",
      description =
          "File holding the ClickHouse password (default: SANJEH_CLICKHOUSE_PASSWORD_FILE; SANJEH_CLICKHOUSE_PASSWORD also works).",
      defaultValue = "${env:SANJEH_CLICKHOUSE_PASSWORD_FILE:-}")
  public String clickHousePasswordFile;

  @Option(
      names = "--verbose",
      description =
          "Spark's, Hadoop's and CoreNLP's INFO logs too (default: SANJEH_BATCH_VERBOSE, else ${DEFAULT-VALUE}: only the job's progress lines and warnings).",
      defaultValue = "${env:SANJEH_BATCH_VERBOSE:-false}")
  public boolean verbose;

  /**
   * ClickHouse from the SANJEH_CLICKHOUSE_* variables (host, user, password), as every Sanjeh
   * command, with the port and database of the options.
   */
  public ClickHouseLink warehouse() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("SANJEH_CLICKHOUSE_HTTP_PORT", Integer.toString(clickHousePort));
    env.put("SANJEH_CLICKHOUSE_DATABASE", clickHouseDatabase);
    if (!clickHousePasswordFile.isEmpty()) {
      env.remove("SANJEH_CLICKHOUSE_PASSWORD");
      env.put("SANJEH_CLICKHOUSE_PASSWORD_FILE", clickHousePasswordFile);
    }
    return ClickHouseLink.fromEnvironment(env);
  }
}
