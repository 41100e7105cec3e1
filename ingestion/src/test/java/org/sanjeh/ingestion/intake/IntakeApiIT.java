package org.sanjeh.ingestion.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.sanjeh.ingestion.IngestionApplication;
import org.sanjeh.ingestion.kafka.EventPublisher;
import org.sanjeh.ingestion.kafka.TestKafka;
import org.sanjeh.ingestion.kafka.Topics;
import org.sanjeh.web.ApiKeys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The intake API end to end: real HTTP, real Kafka, every answer checked. */
@SpringBootTest(
    classes = IngestionApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeApiIT {

  static final String KEY = "test-key-" + UUID.randomUUID();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  private final HttpClient http = HttpClient.newHttpClient();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @DynamicPropertySource
  static void kafkaAndKeys(DynamicPropertyRegistry registry) {
    registry.add(
        "sanjeh.intake.kafka-bootstrap-servers", () -> TestKafka.shared().bootstrapServers());
    registry.add("sanjeh.intake.api-keys", () -> "shop:" + ApiKeys.sha256(KEY));
    registry.add("sanjeh.intake.max-batch-lines", () -> "50");
    registry.add("server.address", () -> "127.0.0.1");
  }

  @Test
  void aBatchAcceptsTheGoodLinesAndDeadLettersTheBadOnesWithTheirReasons() throws Exception {
    String batch =
        event("a", "T-" + run)
            + "\n\n"
            + event("b", "T-" + run).replace("\"email\"", "\"pigeon\"")
            + "\n"
            + event("c", "T-" + run)
            + "\n";

    HttpResponse<String> response = post(batch, "application/x-ndjson", KEY);

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode report = JSON.readTree(response.body());
    assertThat(report.get("accepted").asInt()).isEqualTo(2);
    assertThat(report.get("rejected").asInt()).isEqualTo(1);
    assertThat(report.get("results")).as("only lines that were not accepted").hasSize(1);
    JsonNode rejected = report.get("results").get(0);
    assertThat(rejected.get("line").asInt()).as("blank lines keep their numbers").isEqualTo(3);
    assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
    assertThat(rejected.get("errors").get(0).get("field").asText()).isEqualTo("channel");
    assertThat(rejected.get("errors").get(0).get("value").asText()).isEqualTo("pigeon");

    List<ConsumerRecord<String, byte[]>> events =
        TestKafka.read(bootstrap(), Topics.TICKET_EVENTS, 2, r -> ("T-" + run).equals(r.key()));
    assertThat(events).extracting(ConsumerRecord::key).containsOnly("T-" + run);
    assertThat(events)
        .extracting(r -> TestKafka.header(r, EventPublisher.HEADER_EVENT_ID))
        .containsExactly(id("a"), id("c"));
    List<ConsumerRecord<String, byte[]>> dead =
        TestKafka.read(
            bootstrap(), Topics.DEAD_LETTERS, 1, r -> TestKafka.text(r.value()).contains(id("b")));
    assertThat(dead)
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(TestKafka.header(letter, EventPublisher.HEADER_REASON))
                  .contains("channel=\"pigeon\": unknown value");
              assertThat(TestKafka.header(letter, EventPublisher.HEADER_LINE)).isEqualTo("3");
              assertThat(TestKafka.header(letter, EventPublisher.HEADER_SOURCE))
                  .isEqualTo("api:shop");
              assertThat(TestKafka.text(letter.value()))
                  .isEqualTo(event("b", "T-" + run).replace("\"email\"", "\"pigeon\""));
            });
  }

  @Test
  void aSingleEventIsAcceptedWith202() throws Exception {
    HttpResponse<String> response = post(event("single", "T-s-" + run), "application/json", KEY);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(JSON.readTree(response.body()).get("accepted").asInt()).isEqualTo(1);
  }

  @Test
  void aSingleInvalidEventIs422WithEveryErrorAndStillDeadLettered() throws Exception {
    String broken =
        event("bad", "T-" + run)
            .replace("2024-01-17T12:00:00Z", "yesterday")
            .replace("\"email\"", "\"fax\"");

    HttpResponse<String> response = post(broken, "application/json", KEY);

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("title").asText()).isEqualTo("The event breaks the contract");
    assertThat(problem.get("errors"))
        .extracting(e -> e.get("field").asText())
        .containsExactly("occurred_at", "channel");
    assertThat(
            TestKafka.read(
                bootstrap(),
                Topics.DEAD_LETTERS,
                1,
                r -> TestKafka.text(r.value()).contains(id("bad"))))
        .hasSize(1);
  }

  @Test
  void withoutAValidApiKeyTheAnswerIs401() throws Exception {
    HttpResponse<String> missing = post(event("k", "T-k"), "application/json", null);
    HttpResponse<String> wrong = post(event("k", "T-k"), "application/json", "guess");

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(wrong.body()).get("detail").asText()).contains("X-Api-Key");
  }

  @Test
  void aBatchOverTheLineLimitIs413AndNothingIsSent() throws Exception {
    StringBuilder batch = new StringBuilder();
    for (int i = 0; i < 51; i++) {
      batch.append(event("big" + i, "T-big-" + run)).append('\n');
    }

    HttpResponse<String> response = post(batch.toString(), "application/x-ndjson", KEY);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(response.body()).get("detail").asText())
        .contains("more than 50 events, the limit");
  }

  @Test
  void aResentEventIsReportedAsADuplicateAndNotSentAgain() throws Exception {
    String event = event("dup", "T-dup-" + run);
    post(event, "application/json", KEY);

    HttpResponse<String> again = post(event + "\n" + event + "\n", "application/x-ndjson", KEY);

    JsonNode report = JSON.readTree(again.body());
    assertThat(report.get("duplicates").asInt()).isEqualTo(2);
    assertThat(report.get("accepted").asInt()).isZero();
    assertThat(
            TestKafka.read(
                bootstrap(),
                Topics.TICKET_EVENTS,
                2,
                r -> ("T-dup-" + run).equals(r.key()),
                java.time.Duration.ofSeconds(5)))
        .hasSize(1);
  }

  @Test
  void unknownPathsAndWrongMediaTypesAnswerWithProblemDetails() throws Exception {
    HttpResponse<String> notFound =
        http.send(
            HttpRequest.newBuilder(uri("/v1/nothing-here")).header("X-Api-Key", KEY).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> wrongType = post("a,b,c", "text/csv", KEY);

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(wrongType.statusCode()).isEqualTo(415);
    assertThat(wrongType.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void healthReportsKafkaAndTheOpenApiDescriptionIsServedOnTheManagementPort() throws Exception {
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(management("/actuator/health")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> openApi =
        http.send(
            HttpRequest.newBuilder(management("/actuator/openapi")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(health.body()).at("/components/kafka/status").asText())
        .isEqualTo("UP");
    assertThat(openApi.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(openApi.body()).at("/paths/~1v1~1events/post")).isNotNull();
    assertThat(openApi.body()).contains("/v1/events");
  }

  @Test
  void acceptedAndRejectedEventsAreCounted() throws Exception {
    post(event("m1", "T-m-" + run) + "\n{}\n", "application/x-ndjson", KEY);

    HttpResponse<String> metric =
        http.send(
            HttpRequest.newBuilder(
                    management(
                        "/actuator/metrics/sanjeh.intake.events?tag=source:shop&tag=outcome:rejected"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(metric.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(metric.body()).at("/measurements/0/value").asDouble())
        .isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void randomBatchesOfGoodAndBrokenLinesAreAccountedForLineByLine() throws Exception {
    java.util.Random random = new java.util.Random(20261122);
    String[] broken = {
      "{\"event_id\":",
      "[]",
      "42",
      "{}",
      "{\"event_id\":\"x\",\"ticket_id\":\"t\"}",
      event("z", "T-z").replace("customer_message", "exploded"),
      event("y", "T-y").replace("2024-01-17T12:00:00Z", "17.01.2024"),
      event("w", "T-w").replace("\"customer\"", "7")
    };
    for (int round = 0; round < 15; round++) {
      java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream();
      java.util.List<Integer> brokenLines = new java.util.ArrayList<>();
      int lines = 1 + random.nextInt(40);
      int valid = 0;
      for (int line = 1; line <= lines; line++) {
        if (random.nextInt(3) == 0) {
          byte[] bad =
              random.nextInt(5) == 0
                  ? new byte[] {'{', (byte) 0xFF, '}'}
                  : broken[random.nextInt(broken.length)].getBytes(
                      java.nio.charset.StandardCharsets.UTF_8);
          batch.writeBytes(bad);
          brokenLines.add(line);
        } else {
          batch.writeBytes(
              event("r" + round + "-" + line, "T-r" + run + "-" + (line % 4))
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
          valid++;
        }
        batch.write('\n');
      }
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri("/v1/events"))
                  .header("Content-Type", "application/x-ndjson")
                  .header("X-Api-Key", KEY)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(batch.toByteArray()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      JsonNode report = JSON.readTree(response.body());
      assertThat(response.statusCode()).isEqualTo(202);
      assertThat(report.get("accepted").asInt()).as("round %d", round).isEqualTo(valid);
      assertThat(report.get("rejected").asInt()).isEqualTo(brokenLines.size());
      assertThat(report.get("results"))
          .extracting(r -> r.get("line").asInt())
          .containsExactlyElementsOf(brokenLines);
      assertThat(report.get("results")).allSatisfy(r -> assertThat(r.get("errors")).isNotEmpty());
    }
  }

  private HttpResponse<String> post(String body, String contentType, String key) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/v1/events"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("X-Api-Key", key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private URI management(String path) {
    return URI.create("http://127.0.0.1:" + managementPort + path);
  }

  private String id(String name) {
    return "evt-" + run + "-" + name;
  }

  private String event(String name, String ticket) {
    return "{\"event_id\":\""
        + id(name)
        + "\",\"ticket_id\":\""
        + ticket
        + "\",\"occurred_at\":\"2024-01-17T12:00:00Z\","
        + "\"type\":\"customer_message\",\"channel\":\"email\",\"author_role\":\"customer\",\"body\":\"سلام 🙏\"}";
  }

  private static String bootstrap() {
    return TestKafka.shared().bootstrapServers();
  }
}
