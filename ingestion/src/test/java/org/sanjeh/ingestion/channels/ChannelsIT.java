package org.sanjeh.ingestion.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.ingestion.IngestionApplication;
import org.sanjeh.ingestion.adapter.WebhookSignatures;
import org.sanjeh.ingestion.kafka.EventPublisher;
import org.sanjeh.ingestion.kafka.TestKafka;
import org.sanjeh.ingestion.kafka.Topics;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import org.sanjeh.web.ApiKeys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Channel webhooks end to end: signatures, one customer across channels, Kafka, ClickHouse. */
@ExtendWith(ClickHouseExtension.class)
@SpringBootTest(
    classes = IngestionApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChannelsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String APP_SECRET = "wa-secret-" + UUID.randomUUID();
  private static final String TG_SECRET = "tg-secret";
  private static final String KEY = "forms-key";
  private static WarehouseConfig warehouse;

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  /** A phone number of this run, so reruns against the same broker do not meet old customers. */
  private final String phone = "98912" + (1_000_000 + (int) (Math.random() * 8_999_999));

  @BeforeAll
  static void schema() {
    warehouse = ClickHouseExtension.config(ClickHouseExtension.runningServer(), "it_channels");
    new MigrationRunner(Warehouse.connect(warehouse)).migrate(Migrations.sanjehSchema());
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add(
        "sanjeh.intake.kafka-bootstrap-servers", () -> TestKafka.shared().bootstrapServers());
    registry.add("sanjeh.intake.api-keys", () -> "forms:" + ApiKeys.sha256(KEY));
    registry.add("sanjeh.channels.whatsapp-app-secret", () -> APP_SECRET);
    registry.add("sanjeh.channels.whatsapp-verify-token", () -> "verify-me");
    registry.add("sanjeh.channels.telegram-secret-token", () -> TG_SECRET);
    registry.add("sanjeh.warehouse.http-port", () -> warehouse.httpPort());
    registry.add("sanjeh.warehouse.database", () -> warehouse.database());
    registry.add("sanjeh.warehouse.password", () -> warehouse.password());
  }

  @Test
  void oneCustomerWritesOnWhatsappSharesTheirPhoneOnTelegramAndFillsTheWebForm() throws Exception {
    JsonNode whatsapp =
        post("/v1/channels/whatsapp", whatsapp(), "X-Hub-Signature-256", signature(whatsapp()));
    String customer = whatsapp.at("/events/0/customer_id").asText();
    String ticket = whatsapp.at("/events/0/ticket_id").asText();
    assertThat(whatsapp.at("/events/0/type").asText()).isEqualTo("ticket_created");

    JsonNode telegram =
        post(
            "/v1/channels/telegram",
            telegramContact(),
            "X-Telegram-Bot-Api-Secret-Token",
            TG_SECRET);
    JsonNode form = post("/v1/channels/web-form", webForm(), "X-Api-Key", KEY);

    assertThat(telegram.at("/events/0/customer_id").asText())
        .as("linked by the shared phone")
        .isEqualTo(customer);
    assertThat(telegram.at("/events/0/ticket_id").asText())
        .as("joins the open ticket")
        .isEqualTo(ticket);
    assertThat(form.at("/events/0/customer_id").asText()).isEqualTo(customer);
    assertThat(form.at("/events/0/type").asText()).isEqualTo("customer_message");

    Warehouse directory = Warehouse.connect(warehouse);
    assertThat(identities(directory, "customer_identities", customer))
        .as("linked: what WhatsApp and Telegram proved")
        .containsExactly("phone:+" + phone, "telegram:" + telegramUser(), "whatsapp:+" + phone);
    assertThat(identities(directory, "customer_identity_claims", customer))
        .as("the e-mail typed into the form is only a claim")
        .containsExactly("email:ali." + phone + "@example.ir");
    String eventId = whatsapp.at("/events/0/event_id").asText();
    assertThat(
            TestKafka.read(
                TestKafka.shared().bootstrapServers(),
                Topics.TICKET_EVENTS,
                1,
                r -> eventId.equals(TestKafka.header(r, EventPublisher.HEADER_EVENT_ID))))
        .hasSize(1);
  }

  @Test
  void anInPersonVisitIsAContactAnAnswerAndAResolution() throws Exception {
    String visit =
        "{\"visit_id\":\"v-"
            + phone
            + "\",\"visited_at\":\"2024-05-08T11:00:00+03:30\",\"phone\":\"0"
            + phone.substring(2)
            + "\",\"staff_id\":\"maryam\",\"notes\":\"تعویض کالا\",\"resolved_at\":\"2024-05-08T11:20:00+03:30\"}";

    JsonNode answer = post("/v1/channels/in-person", visit, "X-Api-Key", KEY);

    assertThat(answer.get("events"))
        .extracting(e -> e.get("type").asText())
        .containsExactly("ticket_created", "agent_reply", "resolved");
  }

  @Test
  void forgedOrUnreadableWebhooksAreRefusedWithProblems() throws Exception {
    HttpResponse<String> forged =
        send("/v1/channels/whatsapp", whatsapp(), "X-Hub-Signature-256", "sha256=00");
    HttpResponse<String> noToken =
        send(
            "/v1/channels/telegram", telegramContact(), "X-Telegram-Bot-Api-Secret-Token", "wrong");
    HttpResponse<String> garbage =
        send(
            "/v1/channels/telegram", "{\"hello\":1}", "X-Telegram-Bot-Api-Secret-Token", TG_SECRET);
    HttpResponse<String> anonymousForm =
        send(
            "/v1/channels/web-form",
            "{\"submission_id\":\"s\",\"submitted_at\":\"2024-05-08T10:00:00Z\",\"message\":\"hi\"}",
            "X-Api-Key",
            KEY);

    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(garbage.body()).get("detail").asText())
        .contains("update_id is missing");
    HttpResponse<String> brokenForm =
        send("/v1/channels/web-form", "{\"message\": my-secret-words}", "X-Api-Key", KEY);
    assertThat(brokenForm.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(brokenForm.body()).get("detail").asText())
        .contains("malformed JSON at line 1, column")
        .doesNotContain("secret");
    assertThat(anonymousForm.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(anonymousForm.body()).get("detail").asText())
        .contains("email or phone is required");
  }

  @Test
  void aFormMessageTheEventContractRefusesIsAnsweredAtTheDoorWithoutRepeatingIt() throws Exception {
    String text = "my-private-words-" + phone + " ".repeat(70_000);
    String longId = "s-" + phone + "-" + "x".repeat(300);

    HttpResponse<String> tooLarge =
        send("/v1/channels/web-form", form("s-big-" + phone, text), "X-Api-Key", KEY);
    HttpResponse<String> badId =
        send("/v1/channels/web-form", form(longId, "hi"), "X-Api-Key", KEY);

    assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
    assertThat(JSON.readTree(tooLarge.body()).at("/errors/0/field").asText()).isEqualTo("body");
    assertThat(tooLarge.body()).doesNotContain("my-private-words");
    assertThat(badId.statusCode()).as(badId.body()).isEqualTo(422);
    assertThat(JSON.readTree(badId.body()).at("/errors/0/field").asText()).isEqualTo("source_ref");
    assertThat(badId.body()).doesNotContain("xxxxxxxxxx");
    String refusedEventId = org.sanjeh.ingestion.conversation.StableIds.event("web-form", longId);
    assertThat(
            TestKafka.read(
                TestKafka.shared().bootstrapServers(),
                Topics.TICKET_EVENTS,
                1,
                r -> refusedEventId.equals(TestKafka.header(r, EventPublisher.HEADER_EVENT_ID)),
                java.time.Duration.ofSeconds(3)))
        .as("nothing sent on to become a dead letter later")
        .isEmpty();
  }

  private String form(String submissionId, String message) throws Exception {
    return JSON.writeValueAsString(
        java.util.Map.of(
            "submission_id",
            submissionId,
            "submitted_at",
            "2024-05-08T09:40:00+03:30",
            "phone",
            "+" + phone,
            "message",
            message));
  }

  @Test
  void whatsappSubscriptionIsVerifiedWithTheToken() throws Exception {
    HttpResponse<String> ok =
        http.send(
            HttpRequest.newBuilder(
                    uri(
                        "/v1/channels/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> wrong =
        http.send(
            HttpRequest.newBuilder(
                    uri(
                        "/v1/channels/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("1158201444");
    assertThat(wrong.statusCode()).isEqualTo(401);
  }

  @Test
  void eachWebhookChecksItsOwnSecretNotTheOtherChannels() throws Exception {
    HttpResponse<String> telegramWithWhatsappsToken =
        send(
            "/v1/channels/telegram",
            telegramContact(),
            "X-Telegram-Bot-Api-Secret-Token",
            "verify-me");
    HttpResponse<String> whatsappWithTelegramsSecret =
        http.send(
            HttpRequest.newBuilder(
                    uri(
                        "/v1/channels/whatsapp?hub.mode=subscribe&hub.verify_token="
                            + TG_SECRET
                            + "&hub.challenge=1"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(telegramWithWhatsappsToken.statusCode()).isEqualTo(401);
    assertThat(whatsappWithTelegramsSecret.statusCode()).isEqualTo(401);
  }

  private static java.util.List<String> identities(
      Warehouse directory, String table, String customer) {
    return directory.query(
        "SELECT identity FROM " + table + " FINAL WHERE customer_id = ? ORDER BY identity",
        java.util.List.of(customer),
        r -> r.getString(1));
  }

  private String whatsapp() {
    return """
        {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
          "contacts":[{"profile":{"name":"Ali"},"wa_id":"%1$s"}],
          "messages":[{"from":"%1$s","id":"wamid.%1$s","timestamp":"1715146500","type":"text","text":{"body":"سلام"}}]}}]}]}
        """
        .formatted(phone);
  }

  private String telegramContact() {
    return """
        {"update_id":1,"message":{"message_id":5,"date":1715146600,"from":{"id":%1$d,"is_bot":false,"first_name":"Ali"},
          "chat":{"id":%1$d,"type":"private"},"contact":{"phone_number":"+%2$s","first_name":"Ali","user_id":%1$d}}}
        """
        .formatted(telegramUser(), phone);
  }

  private String webForm() {
    return "{\"submission_id\":\"f-"
        + phone
        + "\",\"submitted_at\":\"2024-05-08T09:40:00+03:30\",\"email\":\"ali."
        + phone
        + "@example.ir\",\"phone\":\"+"
        + phone
        + "\",\"subject\":\"order\",\"message\":\"any news?\"}";
  }

  private long telegramUser() {
    return Long.parseLong(phone.substring(5));
  }

  private String signature(String body) {
    return "sha256="
        + HexFormat.of()
            .formatHex(
                WebhookSignatures.hmacSha256(APP_SECRET, body.getBytes(StandardCharsets.UTF_8)));
  }

  private JsonNode post(String path, String body, String header, String value) throws Exception {
    HttpResponse<String> response = send(path, body, header, value);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(String path, String body, String header, String value)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header(header, value)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
