package org.sanjeh.devtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sanjeh.core.util.Hashes;
import org.sanjeh.ingestion.kafka.Topics;
import org.sanjeh.testbed.Checkout;
import org.sanjeh.testbed.LocalKafka;
import org.sanjeh.testbed.LocalProcesses;
import org.sanjeh.testbed.LocalService;

/**
 * The benchmarks' own servers, under {@code var/bench}, on free ports: a benchmark never publishes
 * into the demo's broker or writes into its database. Each is stopped, and its data removed, when
 * the benchmark ends.
 */
final class BenchServices implements AutoCloseable {

  private final Checkout checkout;
  private final Path home;
  private LocalKafka kafka;
  private LocalService intake;

  BenchServices(Checkout checkout) {
    this.checkout = checkout;
    this.home = checkout.var().resolve("bench");
  }

  /** A broker of the benchmark's own, with the ticket topics. */
  LocalKafka kafka() throws IOException {
    if (kafka == null) {
      deleteTree(home.resolve("kafka"));
      kafka = LocalKafka.start(home.resolve("kafka"), 0, 0);
      Topics.ensure(kafka.bootstrapServers(), 4);
    }
    return kafka;
  }

  /** An intake API of the benchmark's own, publishing to {@link #kafka()}; its base URL. */
  String intake(String apiKey) throws IOException {
    int port = LocalProcesses.freePort();
    intake = new LocalService("intake", home);
    intake.stop();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    intake.start(
        List.of(java, "-jar", Checkout.built(checkout.execJar("ingestion")).toString(), "serve"),
        Map.of(
            "SANJEH_KAFKA_BOOTSTRAP", kafka().bootstrapServers(),
            "SANJEH_INTAKE_PORT", Integer.toString(port),
            "SANJEH_INTAKE_MANAGEMENT_PORT", Integer.toString(LocalProcesses.freePort()),
            "SANJEH_INTAKE_APIKEYS", "bench:" + Hashes.sha256Hex(apiKey)));
    String url = "http://127.0.0.1:" + port;
    intake.await(
        () -> LocalService.answers(url + "/healthz"),
        Duration.ofSeconds(90),
        "the benchmark's own intake API");
    return url;
  }

  static String secret() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void close() throws IOException {
    if (intake != null) {
      intake.stop();
    }
    if (kafka != null) {
      kafka.stop();
      deleteTree(home.resolve("kafka"));
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
