package org.sanjeh.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.sla.PolicyFile;
import org.sanjeh.ingestion.kafka.TestKafka;
import org.sanjeh.streaming.testing.JobProcess;
import org.sanjeh.streaming.testing.TestEvents;
import org.sanjeh.testbed.ClickHouseServer;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * The shaded job jar on a real Flink cluster, the way a team deploys it: a standalone session
 * cluster (a JobManager and a TaskManager, each its own JVM, with nothing but Flink's own jars on
 * the classpath, as a distribution's {@code lib/}) and {@code flink run -d} (Flink's {@code
 * CliFrontend}) submitting {@code sanjeh-streaming-*-job.jar}. The job then turns events on Kafka
 * into the same per-ticket results as the SLA engine run ticket by ticket.
 */
@ExtendWith(ClickHouseExtension.class)
class FlinkRunIT {

  private static final Path TARGET = Path.of("target");

  /** Flink's own jars (module flink-cluster), as a distribution's {@code lib/} holds them. */
  private static final Path FLINK_LIB =
      Path.of(System.getProperty("sanjeh.flink.cluster.lib", "../flink-cluster/target/lib"));

  @Test
  void theJobJarRunsOnAStandaloneClusterSubmittedWithFlinkRun(ClickHouseServer server)
      throws Exception {
    String bootstrap = TestKafka.shared().bootstrapServers();
    String topic = "it-flink-run-" + UUID.randomUUID();
    TestEvents.createTopic(bootstrap, topic, 2);
    Warehouse warehouse = Warehouse.connect(ClickHouseExtension.config(server, "it_flink_run"));
    Path work = Files.createTempDirectory("sanjeh-flink-run-it-");
    int restPort = freePort();
    Path conf = clusterConfiguration(work, restPort);

    List<JobProcess> cluster = new ArrayList<>();
    try {
      cluster.add(
          flinkProcess(
              conf,
              "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
              work.resolve("jobmanager.log")));
      cluster.add(taskManager(conf, work));

      Map<String, String> environment = new HashMap<>(warehouse.config().toEnvironment());
      environment.put("FLINK_CONF_DIR", conf.toString());
      JobProcess flinkRun =
          JobProcess.java(
              List.of("-Xmx256m", "-cp", FLINK_LIB.toAbsolutePath() + "/*"),
              "org.apache.flink.client.cli.CliFrontend",
              List.of(
                  "run",
                  "-d",
                  "-m",
                  "127.0.0.1:" + restPort,
                  jobJar().toString(),
                  "run",
                  "--topic",
                  topic,
                  "--group",
                  "flink-run-it",
                  "--alerts-topic",
                  "none",
                  "--checkpoint-dir",
                  work.resolve("checkpoints").toString(),
                  "--idleness",
                  "1h",
                  "--bootstrap-servers",
                  bootstrap),
              environment,
              work.resolve("flink-run.log"));
      assertThat(flinkRun.waitFor(Duration.ofMinutes(2)))
          .as("flink run's exit code; its output: %s", flinkRun.output())
          .isZero();
      assertThat(flinkRun.output()).contains("Job has been submitted with JobID");

      List<TicketEvent> events = TestEvents.lifecycles(23, 200, 5);
      TestEvents.send(bootstrap, topic, events, List.of(), 0);
      var expected = SlaJobIT.expectedPerTicket(events, PolicyFile.defaultText());
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (!SlaJobIT.actualPerTicket(warehouse).equals(expected)
          && System.nanoTime() < deadline) {
        Thread.sleep(1000);
      }
      Map<String, String> actual = SlaJobIT.actualPerTicket(warehouse);
      List<String> wrong =
          expected.keySet().stream()
              .filter(ticket -> !expected.get(ticket).equals(actual.get(ticket)))
              .map(t -> t + ": expected " + expected.get(t) + ", stored " + actual.get(t))
              .toList();
      assertThat(wrong)
          .as(
              "tickets whose results differ; TaskManager log: %s",
              tail(work.resolve("taskmanager.log")))
          .isEmpty();
      assertThat(actual).hasSameSizeAs(expected);
    } finally {
      for (JobProcess process : cluster) {
        process.close();
      }
    }
  }

  /** A JobManager (or any Flink entry point), started as Flink's scripts start it. */
  private static JobProcess flinkProcess(Path conf, String mainClass, Path log) throws IOException {
    return flinkProcess(
        conf, mainClass, List.of("-Xmx512m"), List.of("--configDir", conf.toString()), log);
  }

  /**
   * A TaskManager, as {@code taskmanager.sh} starts it: Flink's {@code BashJavaUtils} works out the
   * JVM's memory flags and the memory options from the configuration, and both are passed on.
   */
  private static JobProcess taskManager(Path conf, Path work) throws Exception {
    Path resources = work.resolve("taskmanager-resources.log");
    JobProcess utils =
        flinkProcess(
            conf,
            "org.apache.flink.runtime.util.bash.BashJavaUtils",
            List.of("-Xmx128m"),
            List.of("GET_TM_RESOURCE_PARAMS", "--configDir", conf.toString()),
            resources);
    assertThat(utils.waitFor(Duration.ofMinutes(1))).as(utils.output()).isZero();
    List<String> results =
        utils
            .output()
            .lines()
            .filter(line -> line.startsWith("BASH_JAVA_UTILS_EXEC_RESULT:"))
            .map(line -> line.substring("BASH_JAVA_UTILS_EXEC_RESULT:".length()).trim())
            .toList();
    assertThat(results).as(utils.output()).hasSize(2);
    return flinkProcess(
        conf,
        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
        List.of(results.get(0).split(" ")),
        Stream.concat(
                Stream.of("--configDir", conf.toString()), Stream.of(results.get(1).split(" ")))
            .toList(),
        work.resolve("taskmanager.log"));
  }

  private static JobProcess flinkProcess(
      Path conf, String mainClass, List<String> jvmOptions, List<String> arguments, Path log)
      throws IOException {
    List<String> jvm = new ArrayList<>(jvmOptions);
    jvm.add("-Dlog4j2.configurationFile=" + Path.of("config/log4j2-local.xml").toAbsolutePath());
    jvm.add("-cp");
    jvm.add(FLINK_LIB.toAbsolutePath() + "/*");
    return JobProcess.java(
        jvm, mainClass, arguments, Map.of("FLINK_CONF_DIR", conf.toString()), log);
  }

  private static Path clusterConfiguration(Path work, int restPort) throws IOException {
    Path conf = Files.createDirectories(work.resolve("conf"));
    Files.writeString(
        conf.resolve("config.yaml"),
        String.join(
            "\n",
            "jobmanager.rpc.address: 127.0.0.1",
            "jobmanager.rpc.port: " + freePort(),
            "jobmanager.bind-host: 127.0.0.1",
            "jobmanager.memory.process.size: 768m",
            "rest.address: 127.0.0.1",
            "rest.bind-address: 127.0.0.1",
            "rest.port: " + restPort,
            "taskmanager.host: 127.0.0.1",
            "taskmanager.bind-host: 127.0.0.1",
            "taskmanager.numberOfTaskSlots: 2",
            "taskmanager.memory.process.size: 1280m",
            "parallelism.default: 2",
            "io.tmp.dirs: " + Files.createDirectories(work.resolve("tmp")),
            ""));
    return conf;
  }

  private static Path jobJar() throws IOException {
    try (Stream<Path> jars = Files.list(TARGET)) {
      return jars.filter(p -> p.getFileName().toString().endsWith("-job.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no *-job.jar in target: run mvn package"))
          .toAbsolutePath();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(none)";
    }
    String text = Files.readString(log);
    return text.substring(Math.max(0, text.length() - 4000));
  }
}
