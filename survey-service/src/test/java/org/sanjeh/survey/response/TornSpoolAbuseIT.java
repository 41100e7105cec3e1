package org.sanjeh.survey.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.survey.link.SurveyLinks;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * A crash in the middle of an append leaves half a record at the end of the spool; a bit flip
 * spoils one in the middle. After the restart every acknowledged answer reaches ClickHouse, the
 * spoiled one is quarantined, and nothing else is lost.
 */
@ExtendWith(ClickHouseExtension.class)
class TornSpoolAbuseIT {

  private static final Instant T0 = Instant.parse("2026-05-08T10:00:00Z");
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  @TempDir Path spoolDir;

  @Test
  void aTornLastRecordAndASpoiledOneLoseNoOtherAcknowledgedAnswer(Warehouse warehouse)
      throws Exception {
    Responses beforeTheCrash = service(warehouse);
    SurveyLinks.Invitation first = invitation();
    SurveyLinks.Invitation spoiled = invitation();
    beforeTheCrash.answer(first, 5, null, List.of());
    beforeTheCrash.answer(spoiled, 4, null, List.of());
    Path log = spoolDir.resolve("responses.log");
    byte[] bytes = Files.readAllBytes(log);
    String text = new String(bytes, StandardCharsets.UTF_8);
    int score = text.indexOf("\"score\":4");
    bytes[score + "\"score\":".length()] = '3'; // a bit flip on the disk
    Files.write(log, bytes);
    byte[] half = ResponseSpool.record(sample());
    Files.write(log, java.util.Arrays.copyOf(half, half.length / 2), StandardOpenOption.APPEND);

    Responses restarted = service(warehouse);
    SurveyLinks.Invitation afterTheRestart = invitation();
    restarted.answer(afterTheRestart, 2, "the next acknowledged answer", List.of());
    restarted.flush();

    assertThat(
            warehouse.query(
                "SELECT invitation_id, score FROM survey_responses FINAL WHERE invitation_id IN ('"
                    + first.invitationId()
                    + "', '"
                    + spoiled.invitationId()
                    + "', '"
                    + afterTheRestart.invitationId()
                    + "') ORDER BY score DESC",
                row -> row.getString(1) + " " + row.getInt(2)))
        .containsExactly(first.invitationId() + " 5", afterTheRestart.invitationId() + " 2");
    assertThat(Files.readAllLines(spoolDir.resolve(ResponseSpool.QUARANTINE)))
        .hasSize(2)
        .anySatisfy(line -> assertThat(line).contains("torn last line"))
        .anySatisfy(line -> assertThat(line).contains("checksum mismatch"));
  }

  private Responses service(Warehouse warehouse) {
    return new Responses(
        new ResponseSpool(spoolDir),
        new ResponseStore(warehouse),
        Responses.DEFAULT_EDIT_WINDOW,
        clock,
        Duration.ofDays(14));
  }

  private static SurveyResponse sample() {
    return new SurveyResponse("torn", SurveyKind.CSAT, 1, "", List.of(), T0, T0);
  }

  private static SurveyLinks.Invitation invitation() {
    return new SurveyLinks.Invitation(
        "inv-" + UUID.randomUUID(), SurveyKind.CSAT, T0.plus(Duration.ofDays(14)));
  }
}
