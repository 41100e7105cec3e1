package org.sanjeh.ingestion.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanjeh.ingestion.IngestionApplication;
import org.sanjeh.ingestion.kafka.TestKafka;
import org.sanjeh.web.ApiKeys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A refusal by Kafka that sending again cannot fix is not a 503 "try again later": with the body
 * limit configured above what the broker takes, an event passes the contract but Kafka refuses the
 * record for its size, and the client hears 413 with the fix, not Retry-After.
 */
@SpringBootTest(
    classes = IngestionApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KafkaRefusalsIT {

  private static final String KEY = "refusals-" + UUID.randomUUID();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add(
        "sanjeh.intake.kafka-bootstrap-servers", () -> TestKafka.shared().bootstrapServers());
    registry.add("sanjeh.intake.api-keys", () -> "big:" + ApiKeys.sha256(KEY));
    registry.add("sanjeh.intake.max-event-body-bytes", () -> "8388608");
  }

  @Test
  void aRecordTooLargeForTheBrokerIs413NotARetryLater() throws Exception {
    byte[] noise = new byte[3 << 20];
    new SecureRandom().nextBytes(noise); // random: compression cannot bring it under the limit
    String event =
        JSON.writeValueAsString(
            Map.of(
                "event_id", "evt-big-" + UUID.randomUUID(),
                "ticket_id", "T-big",
                "occurred_at", "2024-01-17T12:00:00Z",
                "type", "customer_message",
                "channel", "email",
                "author_role", "customer",
                "body", Base64.getEncoder().encodeToString(noise)));

    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
                    .header("Content-Type", "application/json")
                    .header("X-Api-Key", KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(event))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
    assertThat(answer.headers().firstValue("Retry-After")).isEmpty();
    assertThat(answer.body()).contains("sending it again will not help");
  }
}
