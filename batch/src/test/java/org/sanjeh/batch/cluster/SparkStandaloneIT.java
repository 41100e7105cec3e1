package org.sanjeh.batch.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.testbed.ClickHouseServer;
import org.sanjeh.testbed.LocalProcesses;
import org.sanjeh.testbed.SyntheticEvents;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import org.sanjeh.warehouse.write.BatchedWriter;
import org.sanjeh.warehouse.write.EventWriter;

/**
 * The shaded batch jar on a Spark standalone cluster, the way a team deploys it: a master and a
 * worker, each its own JVM with only Spark's jars (from the same Maven artefacts) on the classpath,
 * and Spark's own {@code SparkSubmit} submitting {@code sanjeh-batch-*-job.jar}; the worker runs
 * the executors in JVMs of their own. The KPI rollups it writes are the rows the same jar writes in
 * local mode. Runs alone with {@code -Dit.test=SparkStandaloneIT} (tag {@code cluster}).
 */
@Tag("cluster")
@ExtendWith(ClickHouseExtension.class)
class SparkStandaloneIT {

  private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
  private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(5);

  /** Kept off the cluster's classpath, so a jar that fails to bundle them fails here. */
  private static final List<String> BUNDLED_IN_THE_JOB_JAR =
      List.of("/org/sanjeh/", "/com/clickhouse/", "/ru/yandex/", "/info/picocli/", "/org/jfree/");

  private static final String ROLLUPS_ROWS =
      "SELECT local_date, time_zone, dimension, dimension_value, created, solved, solved_tickets, fcr,"
          + " zero_reply_solved, reopened, backlog, backlog_at FROM kpi_daily FINAL"
          + " ORDER BY local_date, time_zone, dimension, dimension_value";

  @Test
  void theJobJarOnAStandaloneMasterAndWorkerWritesTheRollupsLocalModeWrites(ClickHouseServer server)
      throws Exception {
    Warehouse local = loaded(server, "it_spark_local");
    Warehouse standalone = loaded(server, "it_spark_standalone");
    Path work = Files.createTempDirectory("sanjeh-spark-standalone-it-");
    List<Process> cluster = new ArrayList<>();
    try {
      Path sparkHome = sparkHome(work);
      int masterPort = LocalProcesses.freePort();
      int masterUi = LocalProcesses.freePort();
      cluster.add(
          daemon(
              sparkHome,
              work.resolve("master.log"),
              "org.apache.spark.deploy.master.Master",
              "--host",
              "127.0.0.1",
              "--port",
              Integer.toString(masterPort),
              "--webui-port",
              Integer.toString(masterUi)));
      cluster.add(
          daemon(
              sparkHome,
              work.resolve("worker.log"),
              "org.apache.spark.deploy.worker.Worker",
              "--host",
              "127.0.0.1",
              "--webui-port",
              Integer.toString(LocalProcesses.freePort()),
              "--cores",
              "2",
              "--memory",
              "2g",
              "--work-dir",
              work.resolve("worker").toString(),
              "spark://127.0.0.1:" + masterPort));
      awaitAliveWorker(masterUi, work);

      long localMillis = submit(sparkHome, work, "local[2]", server, local);
      long standaloneMillis =
          submit(sparkHome, work, "spark://127.0.0.1:" + masterPort, server, standalone);

      List<List<String>> expected = rows(local);
      assertThat(expected).isNotEmpty();
      assertThat(rows(standalone)).isEqualTo(expected);
      assertThat(executorLogs(work.resolve("worker")))
          .as("the worker ran the job's executors in JVMs of their own")
          .isNotEmpty();
      System.out.printf(
          "spark standalone: %d kpi_daily rows, same as local mode; spark-submit took %d ms on the cluster, %d ms in local mode%n",
          expected.size(), standaloneMillis, localMillis);
    } finally {
      cluster.forEach(p -> LocalProcesses.terminate(p.pid(), Duration.ofSeconds(20), false));
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static Warehouse loaded(ClickHouseServer server, String database) {
    Warehouse warehouse = Warehouse.connect(ClickHouseExtension.config(server, database));
    new MigrationRunner(warehouse).migrate(Migrations.sanjehSchema());
    try (EventWriter writer =
        new EventWriter(
            warehouse,
            new BatchedWriter.Settings(50_000, Duration.ZERO, 1_000_000),
            ZoneOffset.UTC,
            Clock.fixed(START.plus(Duration.ofDays(30)), ZoneOffset.UTC))) {
      SyntheticEvents.ofTickets(23, 1_500, START, 20).forEachRemaining(writer::add);
    }
    return warehouse;
  }

  /**
   * A folder that looks like a Spark distribution to the worker, which builds its executors'
   * classpath from {@code SPARK_HOME/jars}: links to Spark's jars, and nothing of Sanjeh's.
   */
  private static Path sparkHome(Path work) throws IOException {
    Path jars = Files.createDirectories(work.resolve("spark-home/jars"));
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      String name = path.getFileName().toString();
      boolean ours =
          entry.contains("/target/")
              || BUNDLED_IN_THE_JOB_JAR.stream().anyMatch(group -> entry.contains(group));
      if (name.endsWith(".jar")
          && !ours
          && Files.isRegularFile(path)
          && !Files.exists(jars.resolve(name))) {
        Files.createSymbolicLink(jars.resolve(name), path.toAbsolutePath());
      }
    }
    return work.resolve("spark-home");
  }

  private static Process daemon(Path sparkHome, Path log, String mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(java(sparkHome));
    command.add(mainClass);
    command.addAll(List.of(args));
    return start(command, sparkHome, log, Map.of());
  }

  private static long submit(
      Path sparkHome, Path work, String master, ClickHouseServer server, Warehouse target)
      throws Exception {
    Path jobJar = jobJar();
    List<String> command = new ArrayList<>(java(sparkHome));
    command.addAll(
        List.of(
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            master,
            "--deploy-mode",
            "client",
            "--class",
            "org.sanjeh.batch.BatchMain",
            "--conf",
            "spark.driver.host=127.0.0.1",
            "--conf",
            "spark.driver.bindAddress=127.0.0.1",
            "--conf",
            "spark.ui.enabled=false",
            "--conf",
            "spark.executor.memory=1g",
            "--conf",
            "spark.cores.max=2",
            jobJar.toString(),
            "rollups",
            "--from",
            "2026-06-01",
            "--to",
            "2026-06-30",
            "--time-zone",
            "UTC",
            "--shuffle-partitions",
            "4",
            "--read-slices",
            "4",
            "--clickhouse-http-port",
            Integer.toString(server.httpPort()),
            "--clickhouse-database",
            target.config().database(),
            "--clickhouse-password-file",
            server.home().resolve("password").toString()));
    Path log = work.resolve("submit-" + target.config().database() + ".log");
    long began = System.nanoTime();
    Process submit = start(command, sparkHome, log, Map.of());
    boolean ended = submit.waitFor(SUBMIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (!ended) {
      submit.destroyForcibly();
    }
    assertThat(ended && submit.exitValue() == 0)
        .as("spark-submit to %s; its log:%n%s", master, tail(log))
        .isTrue();
    return Duration.ofNanos(System.nanoTime() - began).toMillis();
  }

  private static Process start(
      List<String> command, Path sparkHome, Path log, Map<String, String> env) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().putAll(env);
    return builder.start();
  }

  /** Spark's jars only, as a distribution runs its daemons and spark-submit. */
  private static List<String> java(Path sparkHome) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g",
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
        "-cp",
        sparkHome.resolve("jars") + "/*");
  }

  private static Path jobJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("sanjeh-batch-.*-job\\.jar"))
          .findFirst()
          .orElseThrow(
              () -> new IOException("no target/sanjeh-batch-*-job.jar: run mvn package first"))
          .toAbsolutePath();
    }
  }

  private static void awaitAliveWorker(int masterUi, Path work) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      try {
        String json =
            http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        if (json.replace(" ", "").contains("\"aliveworkers\":1")) {
          return;
        }
      } catch (IOException notYet) {
        // the master is still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "no worker registered with the master within 90 s; logs:\n"
            + tail(work.resolve("master.log"))
            + tail(work.resolve("worker.log")));
  }

  private static List<Path> executorLogs(Path workerDir) throws IOException {
    if (!Files.isDirectory(workerDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(workerDir)) {
      return files.filter(p -> p.getFileName().toString().equals("stderr")).toList();
    }
  }

  private static String tail(Path log) {
    return LocalProcesses.logTail(log.getParent(), List.of(log.getFileName().toString()));
  }

  private static List<List<String>> rows(Warehouse warehouse) {
    return warehouse.query(
        ROLLUPS_ROWS,
        row -> {
          List<String> values = new ArrayList<>();
          for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
            values.add(row.getString(i));
          }
          return values;
        });
  }
}
