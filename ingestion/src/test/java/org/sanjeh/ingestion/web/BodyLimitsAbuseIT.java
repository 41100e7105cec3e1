package org.sanjeh.ingestion.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanjeh.ingestion.IngestionApplication;
import org.sanjeh.ingestion.adapter.WebhookSignatures;
import org.sanjeh.ingestion.kafka.TestKafka;
import org.sanjeh.web.ApiKeys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hostile bodies against the running intake (real HTTP, real Kafka; the app runs in this JVM, so
 * its heap is this test's heap). A gigabyte is streamed from a generator, never held: each case
 * must be answered 401 or 413 after at most a few MiB were sent, and the JVM must neither keep nor
 * churn through memory in proportion to the body (before the caps, {@code readAllBytes} took the
 * whole body in).
 */
@SpringBootTest(
    classes = IngestionApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BodyLimitsAbuseIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long GIGABYTE = 1L << 30;
  private static final long MIB = 1L << 20;
  private static final String KEY = "abuse-key-" + UUID.randomUUID();
  private static final String APP_SECRET = "wa-secret-" + UUID.randomUUID();
  private static final String TG_SECRET = "tg-secret-" + UUID.randomUUID();
  private static final byte[] JUNK = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final String FORGED = "sha256=" + "0".repeat(64);

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add(
        "sanjeh.intake.kafka-bootstrap-servers", () -> TestKafka.shared().bootstrapServers());
    registry.add("sanjeh.intake.api-keys", () -> "abuse:" + ApiKeys.sha256(KEY));
    registry.add("sanjeh.channels.whatsapp-app-secret", () -> APP_SECRET);
    registry.add("sanjeh.channels.telegram-secret-token", () -> TG_SECRET);
  }

  @Test
  void anUnsignedGigabyteToWhatsappIsRefusedBeforeItsBodyIsRead() throws Exception {
    assertRefusedCheaply(
        401, "/v1/channels/whatsapp", Map.of("Content-Type", "application/json"), false);
    assertRefusedCheaply(
        401, "/v1/channels/whatsapp", Map.of("Content-Type", "application/json"), true);
  }

  @Test
  void aForgedSignatureOnAGigabyteIsCutOffAtTheWebhookLimit() throws Exception {
    Map<String, String> forged =
        Map.of("Content-Type", "application/json", "X-Hub-Signature-256", FORGED);
    assertRefusedCheaply(413, "/v1/channels/whatsapp", forged, false); // chunked: counted
    assertRefusedCheaply(413, "/v1/channels/whatsapp", forged, true); // declared: not read
  }

  @Test
  void aGigabyteWithoutTheTelegramTokenOrTheApiKeyIsRefusedBeforeItsBodyIsRead() throws Exception {
    Map<String, String> json = Map.of("Content-Type", "application/json");
    assertRefusedCheaply(401, "/v1/channels/telegram", json, false);
    assertRefusedCheaply(401, "/v1/channels/web-form", json, false);
    assertRefusedCheaply(401, "/v1/events", Map.of("Content-Type", "application/x-ndjson"), false);
  }

  @Test
  void anAuthenticatedGigabyteIsCutOffAtItsLimit() throws Exception {
    assertRefusedCheaply(
        413,
        "/v1/channels/telegram",
        Map.of("Content-Type", "application/json", "X-Telegram-Bot-Api-Secret-Token", TG_SECRET),
        false);
    assertRefusedCheaply(
        413,
        "/v1/channels/web-form",
        Map.of("Content-Type", "application/json", "X-Api-Key", KEY),
        false);
    assertRefusedCheaply(
        413, "/v1/events", Map.of("Content-Type", "application/json", "X-Api-Key", KEY), false);
    assertRefusedCheaply(
        413, "/v1/events", Map.of("Content-Type", "application/json", "X-Api-Key", KEY), true);
  }

  @Test
  void sixteenMebibytesOfTinyNdjsonLinesAreRefusedByCountingNotDecoding() throws Exception {
    Footprint before = Footprint.now();

    RawHttp.Outcome outcome =
        RawHttp.post(
            port,
            "/v1/events",
            Map.of("Content-Type", "application/x-ndjson", "X-Api-Key", KEY),
            "{}\n".getBytes(StandardCharsets.US_ASCII),
            16 * MIB,
            true);

    Footprint after = Footprint.now();
    assertThat(outcome.status()).as(outcome.head()).isEqualTo(413);
    assertThat(outcome.body()).contains("more than 10000 events, the limit");
    // 5.6 million lines decoded one by one made an error list each: gigabytes of garbage.
    assertThat(after.allocated - before.allocated).isLessThan(256 * MIB);
    assertThat(after.heapUsed - before.heapUsed).isLessThan(64 * MIB);
  }

  @Test
  void aHundredThousandDeepLineIsARejectedLineAndItsNeighboursAreAccepted() throws Exception {
    String deep = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    String batch = event("before") + "\n" + deep + "\n" + event("after") + "\n";

    HttpResponse<String> response =
        post("/v1/events", "application/x-ndjson", batch, "X-Api-Key", KEY);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode report = JSON.readTree(response.body());
    assertThat(report.get("accepted").asInt()).isEqualTo(2);
    assertThat(report.get("rejected").asInt()).isEqualTo(1);
    assertThat(report.at("/results/0/line").asInt()).isEqualTo(2);
    assertThat(report.at("/results/0/errors/0/reason").asText()).contains("nesting depth");
  }

  @Test
  void deeplyNestedJsonIsAnAnswerNotACrashOnEveryEndpoint() throws Exception {
    String deep = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

    HttpResponse<String> single = post("/v1/events", "application/json", deep, "X-Api-Key", KEY);
    HttpResponse<String> form =
        post("/v1/channels/web-form", "application/json", deep, "X-Api-Key", KEY);
    HttpResponse<String> telegram =
        post(
            "/v1/channels/telegram",
            "application/json",
            deep,
            "X-Telegram-Bot-Api-Secret-Token",
            TG_SECRET);
    HttpResponse<String> whatsapp =
        post("/v1/channels/whatsapp", "application/json", deep, "X-Hub-Signature-256", sign(deep));

    assertThat(single.statusCode()).as(single.body()).isEqualTo(422);
    assertThat(single.body()).contains("nesting depth");
    for (HttpResponse<String> answer : java.util.List.of(form, telegram, whatsapp)) {
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(answer.body()).contains("nesting depth");
    }
  }

  /**
   * Streams a gigabyte and checks the answer came after a few MiB, with the JVM's heap flat: used
   * heap after a GC barely moves, and all threads together allocated far less than the body.
   */
  private void assertRefusedCheaply(
      int status, String path, Map<String, String> headers, boolean declareLength)
      throws Exception {
    Footprint before = Footprint.now();

    RawHttp.Outcome outcome = RawHttp.post(port, path, headers, JUNK, GIGABYTE, declareLength);

    Footprint after = Footprint.now();
    String what = path + (declareLength ? " with Content-Length" : " chunked");
    assertThat(outcome.status()).as(what + ": " + outcome.head()).isEqualTo(status);
    assertThat(outcome.bodyBytesSent())
        .as(what + ": bytes sent before the answer")
        .isLessThan(64 * MIB);
    assertThat(after.allocated - before.allocated)
        .as(what + ": bytes allocated")
        .isLessThan(256 * MIB);
    assertThat(after.heapUsed - before.heapUsed).as(what + ": heap kept").isLessThan(64 * MIB);
  }

  /** Heap in use after a GC, and bytes allocated so far by every live thread of this JVM. */
  private record Footprint(long heapUsed, long allocated) {
    static Footprint now() {
      System.gc();
      var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long allocated =
          Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds()))
              .filter(bytes -> bytes > 0)
              .sum();
      return new Footprint(
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), allocated);
    }
  }

  private HttpResponse<String> post(
      String path, String contentType, String body, String header, String value) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", contentType)
            .header(header, value)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String sign(String body) {
    return "sha256="
        + HexFormat.of()
            .formatHex(
                WebhookSignatures.hmacSha256(APP_SECRET, body.getBytes(StandardCharsets.UTF_8)));
  }

  private String event(String name) {
    return "{\"event_id\":\"evt-"
        + run
        + "-"
        + name
        + "\",\"ticket_id\":\"T-abuse-"
        + run
        + "\",\"occurred_at\":\"2024-01-17T12:00:00Z\","
        + "\"type\":\"customer_message\",\"channel\":\"email\",\"author_role\":\"customer\"}";
  }
}
