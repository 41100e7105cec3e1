package org.sanjeh.survey.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.survey.link.SurveyLinks;
import org.sanjeh.survey.testing.SettableClock;
import org.sanjeh.testbed.ClickHouseServer;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * Answers while ClickHouse is stopped, on a server of the test's own: the edit window still holds,
 * across a restart of the service too, and a service started during the outage takes answers and
 * delivers them once ClickHouse is back.
 */
class ResponsesOutageIT {

  private static final Instant T0 = Instant.parse("2026-05-08T10:00:00Z");
  private static final Duration LINK_VALIDITY = Duration.ofDays(14);

  @TempDir Path spoolDir;
  private Path home;
  private ClickHouseServer server;
  private Warehouse warehouse;
  private final SettableClock clock = new SettableClock(T0);

  @BeforeEach
  void startClickHouse() throws IOException {
    home = Files.createTempDirectory("sanjeh-clickhouse-outage-");
    server = ClickHouseServer.start(home, 0, 0);
    warehouse = Warehouse.connect(ClickHouseExtension.config(server, "outage"));
    new MigrationRunner(warehouse).migrate(Migrations.sanjehSchema());
  }

  @AfterEach
  void stopClickHouse() {
    server.stop();
  }

  @Test
  void aReAnswerAfterTheWindowIsRefusedWhileClickHouseIsDownAfterARestart() {
    SurveyLinks.Invitation invitation = invitation();
    Responses before = service();
    before.answer(invitation, 5, "quick", List.of());
    before.flush(); // in ClickHouse, gone from the spool
    Responses restarted = service();

    server.stop();
    clock.set(T0.plus(Duration.ofHours(25)));

    assertThatThrownBy(() -> restarted.answer(invitation, 1, null, null))
        .isInstanceOf(Responses.Refused.class)
        .hasMessageContaining("could be changed until 2026-05-09T10:00:00Z");
  }

  @Test
  void aReAnswerAfterTheWindowIsRefusedWhenBothAnswersCameDuringTheOutage() {
    server.stop();
    SurveyLinks.Invitation invitation = invitation();
    service().answer(invitation, 2, null, List.of());

    clock.set(T0.plus(Duration.ofHours(25)));
    Responses restartedDuringTheOutage = service();

    assertThatThrownBy(() -> restartedDuringTheOutage.answer(invitation, 5, null, null))
        .isInstanceOf(Responses.Refused.class)
        .hasMessageContaining("could be changed until 2026-05-09T10:00:00Z");
  }

  @Test
  void aServiceStartedWhileClickHouseIsDownTakesAnswersAndDeliversThemWhenItIsBack()
      throws IOException {
    SurveyLinks.Invitation answeredBefore = invitation();
    Responses first = service();
    first.answer(answeredBefore, 4, null, List.of());
    first.flush();
    server.stop();

    Responses startedDuringTheOutage = service();
    assertThat(startedDuringTheOutage.historyLoaded()).isFalse();
    SurveyLinks.Invitation duringTheOutage = invitation();
    startedDuringTheOutage.answer(duringTheOutage, 3, "answered during the outage", List.of());
    assertThatThrownBy(startedDuringTheOutage::flush)
        .hasMessageContaining("Is ClickHouse running?");

    server = ClickHouseServer.start(home, server.httpPort(), server.tcpPort());
    assertThat(startedDuringTheOutage.flush()).isEqualTo(1);
    assertThat(startedDuringTheOutage.historyLoaded()).isTrue();
    assertThat(
            warehouse.query(
                "SELECT comment FROM survey_responses FINAL WHERE invitation_id = '"
                    + duringTheOutage.invitationId()
                    + "'",
                row -> row.getString(1)))
        .containsExactly("answered during the outage");

    server.stop();
    clock.set(T0.plus(Duration.ofHours(25)));
    assertThatThrownBy(() -> startedDuringTheOutage.answer(answeredBefore, 1, null, null))
        .as("the history loaded late keeps the window of an answer from before the restart")
        .isInstanceOf(Responses.Refused.class);
  }

  /** The service's answers as it builds them at start-up, on the test's spool. */
  private Responses service() {
    return new Responses(
        new ResponseSpool(spoolDir),
        new ResponseStore(warehouse),
        Responses.DEFAULT_EDIT_WINDOW,
        clock,
        LINK_VALIDITY);
  }

  private static SurveyLinks.Invitation invitation() {
    return new SurveyLinks.Invitation(
        "inv-" + UUID.randomUUID(), SurveyKind.CSAT, T0.plus(LINK_VALIDITY));
  }
}
