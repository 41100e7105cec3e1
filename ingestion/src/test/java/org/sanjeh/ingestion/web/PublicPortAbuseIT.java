package org.sanjeh.ingestion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanjeh.ingestion.IngestionApplication;
import org.sanjeh.ingestion.kafka.TestKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the public port gives away: only the API and an up/down health. Health details (the Kafka
 * address), metrics, the environment and the API description are on the management port, which
 * listens on loopback only. The public port is bound to every address here, as in production behind
 * a proxy, to show the split does not depend on the public binding.
 */
@SpringBootTest(
    classes = IngestionApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicPortAbuseIT {

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add(
        "sanjeh.intake.kafka-bootstrap-servers", () -> TestKafka.shared().bootstrapServers());
    registry.add("server.address", () -> "0.0.0.0");
  }

  @Test
  void thePublicPortRefusesActuatorDetailsMetricsAndTheApiDescription() throws Exception {
    for (String path :
        List.of(
            "/actuator/health",
            "/actuator/metrics",
            "/actuator/env",
            "/actuator/openapi",
            "/v3/api-docs",
            "/v3/api-docs.yaml")) {
      HttpResponse<String> answer = get(port, path);
      assertThat(answer.statusCode()).as(path + " on the public port").isIn(401, 404);
      assertThat(answer.body()).as(path).doesNotContain("bootstrapServers").doesNotContain("paths");
    }
  }

  @Test
  void thePublicHealthSaysUpAndNothingElse() throws Exception {
    HttpResponse<String> health = get(port, "/healthz");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void theManagementPortServesThemOnLoopbackOnly() throws Exception {
    assertThat(get(managementPort, "/actuator/health").body()).contains("bootstrapServers");
    assertThat(get(managementPort, "/actuator/metrics").statusCode()).isEqualTo(200);
    assertThat(get(managementPort, "/actuator/openapi").body()).contains("/v1/events");

    Optional<InetAddress> outside = nonLoopbackAddress();
    if (outside.isPresent()) {
      assertThat(connects(outside.get(), port)).as("public port, from outside").isTrue();
      assertThat(connects(outside.get(), managementPort))
          .as("management port, from outside")
          .isFalse();
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static boolean connects(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  /** An address of this machine other than loopback, if it has one. */
  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .findFirst();
  }
}
