package org.sanjeh.ingestion.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.ingestion.IngestionApplication;
import org.sanjeh.ingestion.kafka.TestKafka;
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

/** A business that trusts its form (signed-in customers only): the form's addresses are linked. */
@ExtendWith(ClickHouseExtension.class)
@SpringBootTest(
    classes = IngestionApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "sanjeh.channels.trust-web-form=true")
class TrustedWebFormIT {

  private static final String KEY = "portal-key-" + UUID.randomUUID();
  private static WarehouseConfig warehouse;

  @LocalServerPort int port;

  @BeforeAll
  static void schema() {
    warehouse = ClickHouseExtension.config(ClickHouseExtension.runningServer(), "it_trusted_form");
    new MigrationRunner(Warehouse.connect(warehouse)).migrate(Migrations.sanjehSchema());
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add(
        "sanjeh.intake.kafka-bootstrap-servers", () -> TestKafka.shared().bootstrapServers());
    registry.add("sanjeh.intake.api-keys", () -> "portal:" + ApiKeys.sha256(KEY));
    registry.add("sanjeh.warehouse.http-port", () -> warehouse.httpPort());
    registry.add("sanjeh.warehouse.database", () -> warehouse.database());
    registry.add("sanjeh.warehouse.password", () -> warehouse.password());
  }

  @Test
  void theTrustedFormsAddressIsLinkedNotClaimed() throws Exception {
    String mail = "signed-in-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ir";
    String form =
        "{\"submission_id\":\"f-"
            + mail
            + "\",\"submitted_at\":\"2024-05-08T09:40:00+03:30\",\"email\":\""
            + mail
            + "\",\"message\":\"any news?\"}";

    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v1/channels/web-form"))
                    .header("Content-Type", "application/json")
                    .header("X-Api-Key", KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    String customer =
        new ObjectMapper().readTree(answer.body()).at("/events/0/customer_id").asText();
    Warehouse directory = Warehouse.connect(warehouse);
    assertThat(
            directory.query(
                "SELECT identity FROM customer_identities FINAL WHERE customer_id = ?",
                List.of(customer),
                r -> r.getString(1)))
        .containsExactly("email:" + mail);
    assertThat(
            directory.query(
                "SELECT identity FROM customer_identity_claims FINAL WHERE customer_id = ?",
                List.of(customer),
                r -> r.getString(1)))
        .isEmpty();
  }
}
