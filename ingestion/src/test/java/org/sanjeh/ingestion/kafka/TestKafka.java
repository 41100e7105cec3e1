package org.sanjeh.ingestion.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.sanjeh.testbed.LocalKafka;

/**
 * A real Kafka broker for the integration tests: one per test run, started on first use on free
 * loopback ports with a temporary data folder, stopped when the JVM ends. Plus a helper to read
 * back what landed on a topic.
 */
public final class TestKafka {

  private static LocalKafka shared;

  private TestKafka() {}

  public static synchronized LocalKafka shared() {
    if (shared == null) {
      shared = startFresh();
      Topics.ensure(shared.bootstrapServers(), 4);
      LocalKafka broker = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndDelete(broker)));
    }
    return shared;
  }

  /** A broker of its own, for tests that kill it. The caller stops it. */
  public static LocalKafka startFresh() {
    try {
      return LocalKafka.start(Files.createTempDirectory("sanjeh-kafka-it-"), 0, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test Kafka broker: " + e.getMessage(), e);
    }
  }

  public static void stopAndDelete(LocalKafka broker) {
    broker.stop();
    try (Stream<Path> files = Files.walk(broker.home())) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder: the OS cleans it up
    }
  }

  /** Records on {@code topic} that match, read from the start, until {@code expected} or 30 s. */
  public static List<ConsumerRecord<String, byte[]>> read(
      String bootstrap,
      String topic,
      int expected,
      Predicate<ConsumerRecord<String, byte[]>> matching) {
    return read(bootstrap, topic, expected, matching, Duration.ofSeconds(30));
  }

  /** The same, waiting at most {@code patience}: for checks that a record is absent. */
  public static List<ConsumerRecord<String, byte[]>> read(
      String bootstrap,
      String topic,
      int expected,
      Predicate<ConsumerRecord<String, byte[]>> matching,
      Duration patience) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + patience.toNanos();
      while (found.size() < expected && System.nanoTime() < deadline) {
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(
                record -> {
                  if (matching.test(record)) {
                    found.add(record);
                  }
                });
      }
    }
    return found;
  }

  public static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : text(header.value());
  }
}
