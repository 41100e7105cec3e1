package org.sanjeh.survey.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.survey.SurveyApplication;
import org.sanjeh.survey.link.SurveyLinks;
import org.sanjeh.survey.response.Responses;
import org.sanjeh.testbed.ClickHouseServer;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The survey service restarted while ClickHouse is down: it starts, serves the answer pages and
 * takes answers into its spool, and the answers reach ClickHouse once it is back.
 */
class SurveyServiceOutageIT {

  private static final String SIGNING_KEY = "outage-test-signing-key-of-at-least-32-chars";

  @TempDir Path spool;

  @Test
  void startsWhileClickHouseIsDownTakesAnAnswerAndDeliversItWhenClickHouseIsBack()
      throws Exception {
    Path home = Files.createTempDirectory("sanjeh-clickhouse-service-outage-");
    ClickHouseServer server = ClickHouseServer.start(home, 0, 0);
    WarehouseConfig config = ClickHouseExtension.config(server, "service_outage");
    Warehouse warehouse = Warehouse.connect(config);
    new MigrationRunner(warehouse).migrate(Migrations.sanjehSchema());
    server.stop();

    try (ConfigurableApplicationContext service = start(config)) {
      int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
      SurveyLinks links =
          new SurveyLinks(SIGNING_KEY.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
      String token = links.issue(SurveyKind.NPS, Duration.ofDays(14));

      HttpResponse<String> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/s/" + token))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      service
          .getBean(Responses.class)
          .answer(links.verify(token), 9, "answered while ClickHouse was down", List.of());

      server = ClickHouseServer.start(home, server.httpPort(), server.tcpPort());
      String invitation = links.verify(token).invitationId();
      assertThat(awaitComment(warehouse, invitation))
          .isEqualTo("answered while ClickHouse was down");
    } finally {
      server.stop();
    }
  }

  private ConfigurableApplicationContext start(WarehouseConfig config) {
    // Command-line arguments: they take precedence over application.yml's demo defaults.
    return new SpringApplicationBuilder(SurveyApplication.class)
        .run(
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--sanjeh.survey.signing-key=" + SIGNING_KEY,
            "--sanjeh.survey.spool=" + spool,
            "--sanjeh.survey.unsent=" + spool.resolve("unsent"),
            "--sanjeh.survey.outbox=" + spool.resolve("outbox"),
            "--sanjeh.survey.clickhouse-http-port=" + config.httpPort(),
            "--sanjeh.survey.clickhouse-database=" + config.database(),
            "--sanjeh.survey.clickhouse-password=" + config.password());
  }

  /** The answer's comment once the spool flusher has moved it into ClickHouse (30 s at most). */
  private static String awaitComment(Warehouse warehouse, String invitation) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        List<String> comments =
            warehouse.query(
                "SELECT comment FROM survey_responses FINAL WHERE invitation_id = '"
                    + invitation
                    + "'",
                row -> row.getString(1));
        if (!comments.isEmpty()) {
          return comments.get(0);
        }
      } catch (RuntimeException stillStarting) {
        // ClickHouse is coming up
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the answer did not reach ClickHouse within 30 s");
  }
}
