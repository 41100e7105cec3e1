package org.sanjeh.sentiment.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanjeh.sentiment.Label;
import org.sanjeh.sentiment.ModelId;
import org.sanjeh.sentiment.SentenceScore;
import org.sanjeh.sentiment.Sentiment;
import org.sanjeh.sentiment.TextScore;

class TicketSentimentTest {

  private static Sentiment message(double score, int tokens) {
    return new Sentiment(
        Label.NEUTRAL,
        score,
        "en",
        Optional.of(new ModelId("m", "1")),
        new TextScore(score, List.of(new SentenceScore(score, tokens, 0))),
        "k");
  }

  @Test
  void levelIsTheTokenWeightedMeanAndTrendTheLastMinusTheFirst() {
    TicketSentiment ticket =
        TicketSentiment.of(List.of(message(-0.8, 30), message(0.0, 5), message(0.6, 5)))
            .orElseThrow();
    assertThat(ticket.level()).isCloseTo((-0.8 * 30 + 0.6 * 5) / 40, within(1e-12));
    assertThat(ticket.trend()).isCloseTo(1.4, within(1e-12));
    assertThat(ticket.messages()).isEqualTo(3);
  }

  @Test
  void unscoredMessagesDoNotCountAndATicketWithoutAnyHasNoSentiment() {
    assertThat(TicketSentiment.of(List.of(Sentiment.unscored("ar")))).isEmpty();
    TicketSentiment ticket =
        TicketSentiment.of(List.of(Sentiment.unscored("ar"), message(0.5, 4))).orElseThrow();
    assertThat(ticket.messages()).isEqualTo(1);
    assertThat(ticket.trend()).isZero();
  }
}
