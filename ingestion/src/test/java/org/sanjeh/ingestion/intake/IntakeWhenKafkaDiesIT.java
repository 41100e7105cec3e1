package org.sanjeh.ingestion.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sanjeh.ingestion.IngestionApplication;
import org.sanjeh.ingestion.kafka.TestKafka;
import org.sanjeh.testbed.LocalKafka;
import org.sanjeh.web.ApiKeys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The broker is killed (SIGKILL, as in a crash) between two batches: the client gets a 503 that
 * tells it to retry, never a 202 for events that are not on Kafka.
 */
@SpringBootTest(
    classes = IngestionApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeWhenKafkaDiesIT {

  private static final String KEY = "dying-key";
  private static LocalKafka broker;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void ownBroker(DynamicPropertyRegistry registry) {
    broker = TestKafka.startFresh();
    registry.add("sanjeh.intake.kafka-bootstrap-servers", broker::bootstrapServers);
    registry.add("sanjeh.intake.api-keys", () -> "shop:" + ApiKeys.sha256(KEY));
    registry.add("sanjeh.intake.kafka-ack-timeout", () -> "3s");
  }

  @AfterAll
  static void cleanUp() {
    TestKafka.stopAndDelete(broker);
  }

  @Test
  void aBatchSentAfterTheBrokerDiedGets503AndIsNotAcknowledged() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    assertThat(post(http, batch("before")).statusCode()).isEqualTo(202);

    broker.kill();
    HttpResponse<String> after = post(http, batch("after"));

    assertThat(after.statusCode()).isEqualTo(503);
    assertThat(after.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(new ObjectMapper().readTree(after.body()).get("detail").asText())
        .contains("Kafka did not acknowledge")
        .contains("send the whole request again");
  }

  private HttpResponse<String> post(HttpClient http, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
            .header("Content-Type", "application/x-ndjson")
            .header("X-Api-Key", KEY)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String batch(String name) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      lines
          .append("{\"event_id\":\"")
          .append(name)
          .append(i)
          .append("\",\"ticket_id\":\"T-")
          .append(i % 7)
          .append(
              "\",\"occurred_at\":\"2024-01-17T12:00:00Z\",\"type\":\"customer_message\",\"channel\":\"chat\",\"author_role\":\"customer\"}\n");
    }
    return lines.toString();
  }
}
