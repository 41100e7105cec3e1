package org.sanjeh.devtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.core.survey.SurveyKind;

class DemoRespondentsTest {

  @Test
  void everyScoreIsOnItsKindsScale() {
    Random random = new Random(1);
    for (SurveyKind kind : SurveyKind.values()) {
      for (int i = 0; i < 2_000; i++) {
        int score = DemoRespondents.answer(kind, i % 2 == 0, "en", random).score();
        assertThat(score).isBetween(kind.lowest(), kind.highest());
      }
    }
  }

  @Test
  void customersWhoseTicketBreachedScoreLower() {
    Random random = new Random(2);
    double breached = meanCsat(true, random);
    double met = meanCsat(false, random);
    // means near 1 + 4 * 0.4 = 2.6 and 1 + 4 * 0.8 = 4.2, a little pulled in by the clamping
    assertThat(breached).isBetween(2.3, 2.9);
    assertThat(met).isBetween(3.9, 4.4);
  }

  @Test
  void aboutHalfCommentInTheirOwnLanguage() {
    Random random = new Random(3);
    long persianComments =
        IntStream.range(0, 1_000)
            .mapToObj(i -> DemoRespondents.answer(SurveyKind.NPS, false, "fa", random))
            .filter(DemoRespondents.Answer::hasComment)
            .peek(a -> assertThat(a.comment()).matches(".*[\\u0600-\\u06FF].*"))
            .count();
    assertThat(persianComments).isBetween(430L, 570L);
  }

  @Test
  void unhappyCommentsGiveTheSlowReplyAsTheReasonAfterABreach() {
    Random random = new Random(4);
    DemoRespondents.Answer answer;
    do {
      answer = DemoRespondents.answer(SurveyKind.CSAT, true, "en", random);
    } while (!answer.hasComment() || answer.score() > 2);
    assertThat(answer.reasons()).containsExactly("speed");
  }

  @Test
  void theOutboxGivesEachInvitationItsAnswerPage(@TempDir Path outbox) throws Exception {
    Files.writeString(
        outbox.resolve("inv1.txt"),
        "How did we do? Tell us in one click: http://127.0.0.1:18090/s/AgAA.K8Xi_q-Q?lang=en");
    Files.writeString(
        outbox.resolve("inv2.html"),
        "<a href=\"http://127.0.0.1:18090/s/BgBB.x_Y-z?lang=fa&amp;score=1\">1</a>");
    Files.writeString(outbox.resolve("notes"), "no link here");

    assertThat(AnswerSurveysCommand.links(outbox))
        .isEqualTo(
            Map.of(
                "inv1", "http://127.0.0.1:18090/s/AgAA.K8Xi_q-Q",
                "inv2", "http://127.0.0.1:18090/s/BgBB.x_Y-z"));
  }

  @Test
  void aMissingOutboxSaysToStartTheSurveyService(@TempDir Path dir) {
    assertThatThrownBy(() -> AnswerSurveysCommand.links(dir.resolve("outbox")))
        .hasMessageContaining("start the survey service");
  }

  @Test
  void theFormTokenIsReadFromTheAnswerPage() {
    assertThat(
            AnswerSurveysCommand.formToken(
                "<input type=\"hidden\" name=\"form\" value=\"abc.123\">"))
        .isEqualTo("abc.123");
    assertThatThrownBy(() -> AnswerSurveysCommand.formToken("<html></html>"))
        .hasMessageContaining("no form token");
  }

  private static double meanCsat(boolean breached, Random random) {
    return IntStream.range(0, 4_000)
        .map(i -> DemoRespondents.answer(SurveyKind.CSAT, breached, "en", random).score())
        .average()
        .orElseThrow();
  }

  @Test
  void aRefusedAnswerPageIsCountedWithItsReasonAndTheOthersAreStillAnswered() throws Exception {
    Map<String, String> links = new java.util.TreeMap<>();
    Map<String, AnswerSurveysCommand.Invited> invited = new java.util.HashMap<>();
    for (int i = 0; i < 10; i++) {
      links.put("inv" + i, "http://127.0.0.1/s/inv" + i);
      invited.put("inv" + i, new AnswerSurveysCommand.Invited(SurveyKind.CSAT, "en", false));
    }
    links.put("not-yet", "http://127.0.0.1/s/not-yet");
    java.util.List<String> answered = new java.util.ArrayList<>();

    AnswerSurveysCommand.Tally tally =
        AnswerSurveysCommand.answerAll(
            links,
            invited,
            new Random(4),
            1.0,
            (link, language, answer) -> {
              if (link.endsWith("inv3")) {
                throw new java.io.IOException("the survey service answered 410");
              }
              answered.add(link);
            });

    assertThat(tally.answers()).isEqualTo(9).isEqualTo(answered.size());
    assertThat(tally.failed()).isEqualTo(1);
    assertThat(tally.unknown()).isEqualTo(1);
    assertThat(tally.firstFailure()).isEqualTo("invitation inv3: the survey service answered 410");
  }

  @Test
  void aSurveyServiceThatCannotBeReachedStopsTheAnswering() {
    Map<String, String> links = Map.of("inv1", "http://127.0.0.1/s/inv1");
    Map<String, AnswerSurveysCommand.Invited> invited =
        Map.of("inv1", new AnswerSurveysCommand.Invited(SurveyKind.NPS, "fa", true));

    assertThatThrownBy(
            () ->
                AnswerSurveysCommand.answerAll(
                    links,
                    invited,
                    new Random(5),
                    1.0,
                    (link, language, answer) -> {
                      throw new java.net.ConnectException("Connection refused");
                    }))
        .isInstanceOf(java.net.ConnectException.class);
  }
}
