package org.sanjeh.devtools;

import java.util.List;
import java.util.Random;
import org.sanjeh.core.survey.SurveyKind;

/**
 * How the demo's simulated customers answer a survey: customers whose ticket breached an SLA target
 * score lower, and about half leave a comment in their own language. Only for the demo's sample
 * data; real answers come from real customers.
 */
final class DemoRespondents {

  /** One customer's answer: the score, then an optional follow-up comment with reasons. */
  record Answer(int score, String comment, List<String> reasons) {
    boolean hasComment() {
      return !comment.isEmpty();
    }
  }

  private static final List<String> UNHAPPY_EN =
      List.of(
          "It took days to get an answer and nobody told me why.",
          "I had to explain the problem three times. Very frustrating.",
          "The issue is still not fixed.",
          "Slow replies, and the first answer did not help at all.");
  private static final List<String> HAPPY_EN =
      List.of(
          "Quick and friendly, thank you!",
          "The agent solved it on the first reply. Great service.",
          "Clear answer, problem solved.");
  private static final List<String> UNHAPPY_FA =
      List.of(
          "چند روز طول کشید تا جواب بدهید و کسی توضیح نداد.",
          "مشکل هنوز حل نشده است.",
          "پاسخ‌ها خیلی دیر می‌رسد و اولین جواب هیچ کمکی نکرد.");
  private static final List<String> HAPPY_FA =
      List.of("سریع و مودبانه بود، ممنونم!", "مشکلم همان بار اول حل شد. عالی بود.");

  private DemoRespondents() {}

  /**
   * The answer of a customer whose ticket {@code breached} a target or not: a point on the scale
   * drawn around 80% of it (40% after a breach), and a comment with probability one half.
   */
  static Answer answer(SurveyKind kind, boolean breached, String language, Random random) {
    double mean = breached ? 0.4 : 0.8;
    double position = Math.max(0, Math.min(1, mean + 0.25 * random.nextGaussian()));
    int score = kind.lowest() + (int) Math.round(position * (kind.highest() - kind.lowest()));
    if (random.nextDouble() >= 0.5) {
      return new Answer(score, "", List.of());
    }
    boolean unhappy = position < 0.5;
    List<String> bank =
        "fa".equals(language) ? unhappy ? UNHAPPY_FA : HAPPY_FA : unhappy ? UNHAPPY_EN : HAPPY_EN;
    String comment = bank.get(random.nextInt(bank.size()));
    List<String> reasons =
        unhappy ? List.of(breached ? "speed" : "solution") : List.of("friendliness");
    return new Answer(kind.check(score), comment, reasons);
  }
}
