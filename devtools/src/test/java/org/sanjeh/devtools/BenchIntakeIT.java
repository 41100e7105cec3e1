package org.sanjeh.devtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.ingestion.kafka.Topics;
import org.sanjeh.testbed.Checkout;
import org.sanjeh.testbed.LocalKafka;

/**
 * {@code ./sanjeh bench intake} next to a running demo: the CLI gives every child JVM the demo's
 * broker as SANJEH_KAFKA_BOOTSTRAP, and the benchmark must not publish a single event there.
 */
class BenchIntakeIT {

  @TempDir Path dir;

  @Test
  void benchIntakePublishesOnlyToItsOwnBrokerAndLeavesTheUsersTopicsUntouched() throws Exception {
    LocalKafka users = LocalKafka.start(dir.resolve("users-kafka"), 0, 0);
    try {
      Topics.ensure(users.bootstrapServers(), 4);
      Path log = dir.resolve("bench.log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Dsanjeh.root=" + Checkout.current().root(),
                  "-Dsanjeh.kafka.lib=" + System.getProperty("sanjeh.kafka.lib"),
                  "-cp",
                  System.getProperty("java.class.path"),
                  DevtoolsCli.class.getName(),
                  "bench",
                  "intake",
                  "--events",
                  "300",
                  "--rate",
                  "1100",
                  "--seconds",
                  "2",
                  "--wrk",
                  "false")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      // as ./sanjeh does for every child JVM: the demo's broker is "the" Kafka
      builder.environment().put("SANJEH_KAFKA_BOOTSTRAP", users.bootstrapServers());
      Process bench = builder.start();
      assertThat(bench.waitFor(5, TimeUnit.MINUTES)).as("the benchmark ended").isTrue();
      String output = Files.readString(log);

      assertThat(bench.exitValue()).as(output).isZero();
      assertThat(output)
          .contains("intake benchmark on a broker of its own at 127.0.0.1:")
          .contains("the demo's broker and sanjeh database are not touched")
          .contains("events/s");
      assertThat(endOffsets(users.bootstrapServers()))
          .as("events on the user's ticket-events and dead letters")
          .isZero();
      assertThat(Checkout.current().var().resolve("bench/kafka"))
          .as("the benchmark's broker data is removed afterwards")
          .doesNotExist();
    } finally {
      users.stop();
    }
  }

  private static long endOffsets(String bootstrap) throws Exception {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(config)) {
      Map<TopicPartition, OffsetSpec> latest =
          admin
              .describeTopics(List.of(Topics.TICKET_EVENTS, Topics.DEAD_LETTERS))
              .allTopicNames()
              .get(30, TimeUnit.SECONDS)
              .values()
              .stream()
              .flatMap(
                  topic ->
                      topic.partitions().stream()
                          .map(p -> new TopicPartition(topic.name(), p.partition())))
              .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
          .mapToLong(info -> info.offset())
          .sum();
    }
  }
}
