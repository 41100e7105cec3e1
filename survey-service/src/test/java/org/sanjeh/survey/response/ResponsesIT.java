package org.sanjeh.survey.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.survey.link.SurveyLinks;
import org.sanjeh.survey.testing.SettableClock;
import org.sanjeh.testbed.ClickHouseServer;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/** Answers end to end with a real ClickHouse, including one that is stopped in the middle. */
@ExtendWith(ClickHouseExtension.class)
class ResponsesIT {

  private static final Instant T0 = Instant.parse("2026-05-08T10:00:00Z");

  @TempDir Path spoolDir;
  private final SettableClock clock = new SettableClock(T0);

  @Test
  void aDoubleClickAndAChangeOfMindWithinTheWindowLeaveOneRowWithTheLastAnswer(
      Warehouse warehouse) {
    Responses responses = responses(warehouse);
    SurveyLinks.Invitation invitation = invitation(SurveyKind.CSAT);

    responses.answer(invitation, 2, null, List.of());
    responses.answer(invitation, 2, null, List.of());
    clock.set(T0.plus(Duration.ofHours(3)));
    responses.answer(invitation, 4, "<b>better</b> after the call", List.of("speed"));
    responses.flush();

    assertThat(
            warehouse.query(
                "SELECT score, comment, toUnixTimestamp(first_answered_at) FROM survey_responses FINAL WHERE invitation_id = '"
                    + invitation.invitationId()
                    + "'",
                row -> row.getInt(1) + " | " + row.getString(2) + " | " + row.getLong(3)))
        .containsExactly("4 | <b>better</b> after the call | " + T0.getEpochSecond());
  }

  @Test
  void detractorsRaiseAnAlertAndAChangedAnswerClearsIt(Warehouse warehouse) {
    Responses responses = responses(warehouse);
    SurveyLinks.Invitation unhappy = invitation(SurveyKind.NPS);
    SurveyLinks.Invitation happy = invitation(SurveyKind.CSAT);

    responses.answer(unhappy, 3, "waited two days", List.of());
    responses.answer(happy, 5, null, List.of());
    responses.flush();
    assertThat(alerts(warehouse, unhappy)).containsExactly("3 1 waited two days");
    assertThat(alerts(warehouse, happy)).as("no alert open").containsExactly("5 0 ");

    clock.set(T0.plus(Duration.ofHours(1)));
    responses.answer(unhappy, 9, null, null);
    responses.flush();
    assertThat(alerts(warehouse, unhappy))
        .as("cleared by the new answer")
        .containsExactly("9 0 waited two days");
  }

  @Test
  void aChangedAnswerInTheNextMonthLeavesOneAnswerAndClearsTheAlert(Warehouse warehouse) {
    Responses responses = responses(warehouse);
    SurveyLinks.Invitation invitation = invitation(SurveyKind.CSAT);
    clock.set(Instant.parse("2026-05-31T23:00:00Z"));
    responses.answer(invitation, 1, "nobody called back", List.of());
    responses.flush();

    clock.set(Instant.parse("2026-06-01T01:00:00Z"));
    responses.answer(invitation, 4, null, null);
    responses.flush();

    assertThat(alerts(warehouse, invitation)).containsExactly("4 0 nobody called back");
    assertThat(answers(warehouse, invitation)).containsExactly("4 nobody called back");
    assertThat(rowsAfterMerges(warehouse, "survey_alerts", invitation))
        .as("one row on disk, for readers without FINAL")
        .isEqualTo(1);
    assertThat(rowsAfterMerges(warehouse, "survey_responses", invitation)).isEqualTo(1);
  }

  private static long rowsAfterMerges(
      Warehouse warehouse, String table, SurveyLinks.Invitation invitation) {
    warehouse.execute("OPTIMIZE TABLE " + table + " FINAL");
    return warehouse.queryLong(
        "SELECT count() FROM "
            + table
            + " WHERE invitation_id = '"
            + invitation.invitationId()
            + "'");
  }

  @Test
  void versionsOfAnAnswerThatDisagreeOnTheFirstAnswerMonthAreStillOneAnswer(Warehouse warehouse) {
    // What an answer given during an outage could write before the first time was remembered:
    // the same invitation with another first_answered_at, in another month.
    ResponseStore store = new ResponseStore(warehouse);
    String id = "inv-" + java.util.UUID.randomUUID();
    Instant may = Instant.parse("2026-05-31T23:00:00Z");
    Instant june = Instant.parse("2026-06-01T01:00:00Z");
    store.store(List.of(new SurveyResponse(id, SurveyKind.NPS, 2, "", List.of(), may, may)));
    store.store(List.of(new SurveyResponse(id, SurveyKind.NPS, 8, "", List.of(), june, june)));

    assertThat(
            warehouse.query(
                "SELECT score FROM survey_responses FINAL WHERE invitation_id = '" + id + "'",
                row -> row.getInt(1)))
        .containsExactly(8);
    assertThat(
            warehouse.query(
                "SELECT score, detractor FROM survey_alerts FINAL WHERE invitation_id = '"
                    + id
                    + "'",
                row -> row.getInt(1) + " " + row.getInt(2)))
        .containsExactly("8 0");
  }

  private static List<String> answers(Warehouse warehouse, SurveyLinks.Invitation invitation) {
    return warehouse.query(
        "SELECT score, comment FROM survey_responses FINAL WHERE invitation_id = '"
            + invitation.invitationId()
            + "'",
        row -> row.getInt(1) + " " + row.getString(2));
  }

  private static List<String> alerts(Warehouse warehouse, SurveyLinks.Invitation invitation) {
    return warehouse.query(
        "SELECT score, detractor, comment FROM survey_alerts FINAL WHERE invitation_id = '"
            + invitation.invitationId()
            + "'",
        row -> row.getInt(1) + " " + row.getInt(2) + " " + row.getString(3));
  }

  @Test
  void afterTheEditWindowTheAnswerIsKeptAsItWas(Warehouse warehouse) {
    Responses first = responses(warehouse);
    SurveyLinks.Invitation invitation = invitation(SurveyKind.NPS);
    first.answer(invitation, 9, null, List.of());
    first.flush();

    clock.set(T0.plus(Duration.ofHours(25)));
    Responses afterRestart = responses(warehouse);

    assertThatThrownBy(() -> afterRestart.answer(invitation, 0, null, List.of()))
        .isInstanceOf(Responses.Refused.class)
        .hasMessageContaining("could be changed until 2026-05-09T10:00:00Z");
  }

  @Test
  void outOfRangeScoresAndOversizedCommentsAreRefused(Warehouse warehouse) {
    Responses responses = responses(warehouse);

    assertThatThrownBy(() -> responses.answer(invitation(SurveyKind.CES), 8, null, List.of()))
        .hasMessage("CES scores go from 1 to 7, got 8");
    assertThatThrownBy(
            () -> responses.answer(invitation(SurveyKind.CSAT), 5, "x".repeat(2001), List.of()))
        .hasMessageContaining("at most 2000 are kept");
  }

  @Test
  void answersGivenWhileClickHouseIsDownAreKeptAndWrittenWhenItReturns() throws Exception {
    Path home = Files.createTempDirectory("sanjeh-clickhouse-outage-");
    ClickHouseServer server = ClickHouseServer.start(home, 0, 0);
    try {
      Warehouse warehouse = Warehouse.connect(ClickHouseExtension.config(server, "outage"));
      new MigrationRunner(warehouse).migrate(Migrations.sanjehSchema());
      Responses responses = responses(warehouse);
      responses.answer(invitation(SurveyKind.CSAT), 5, null, List.of());

      server.stop();
      for (int i = 0; i < 50; i++) {
        responses.answer(invitation(SurveyKind.CSAT), 1 + i % 5, "during the outage", List.of());
      }
      assertThatThrownBy(responses::flush).hasMessageContaining("Is ClickHouse running?");

      server = ClickHouseServer.start(home, server.httpPort(), server.tcpPort());
      assertThat(responses.flush()).isEqualTo(51);
      assertThat(warehouse.queryLong("SELECT count() FROM survey_responses FINAL")).isEqualTo(51);
    } finally {
      server.stop();
    }
  }

  /** A fresh Responses on the test's spool, as the service builds it at start-up. */
  private Responses responses(Warehouse warehouse) {
    return new Responses(
        new ResponseSpool(spoolDir),
        new ResponseStore(warehouse),
        Responses.DEFAULT_EDIT_WINDOW,
        clock);
  }

  private SurveyLinks.Invitation invitation(SurveyKind kind) {
    return new SurveyLinks.Invitation(
        "inv-" + java.util.UUID.randomUUID(), kind, T0.plus(Duration.ofDays(14)));
  }
}
