package org.sanjeh.batch.dissatisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sanjeh.batch.testing.Tickets.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.sanjeh.batch.io.TicketHistories;
import org.sanjeh.batch.sentiment.SentimentFeatures;
import org.sanjeh.batch.testing.SparkTest;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.sla.PolicyFile;

/**
 * The dissatisfaction model's sentiment features: only what was said before the prediction point.
 */
class TicketSentimentFeaturesTest extends SparkTest {

  private static final Instant AS_OF = Instant.parse("2026-11-10T00:00:00Z");

  private static List<List<TicketEvent>> tickets() {
    return List.of(
        ticket("solved")
            .customer("c1")
            .created("2026-11-01T06:00:00Z")
            .customerMessage("2026-11-01T09:00:00Z")
            .reply("2026-11-01T10:00:00Z")
            .resolved("2026-11-02T07:00:00Z")
            .events(),
        ticket("open").customer("c2").created("2026-11-09T06:00:00Z").events(),
        ticket("unscored").customer("c3").created("2026-11-09T07:00:00Z").events());
  }

  private static Row said(String ticket, String at, double score, long tokens) {
    return RowFactory.create(ticket, Instant.parse(at).toEpochMilli(), score, tokens);
  }

  private Map<String, Row> features(List<Row> sentiment) throws Exception {
    OpenTicketState state = new OpenTicketState(AS_OF, PolicyFile.defaultText());
    List<Row> states = new ArrayList<>();
    for (List<TicketEvent> t : tickets()) {
      TicketHistories.perTicket(t, state).forEachRemaining(states::add);
    }
    return DissatisfactionJob.withSentiment(
            spark.createDataFrame(states, OpenTicketState.SCHEMA),
            spark.createDataFrame(sentiment, SentimentFeatures.MESSAGES))
        .collectAsList()
        .stream()
        .collect(Collectors.toMap(r -> r.getAs("ticket_id"), r -> r));
  }

  @Test
  void aSolvedTicketsSentimentIsWhatItsCustomerSaidBeforeTheSolve() throws Exception {
    Map<String, Row> rows =
        features(
            List.of(
                said("solved", "2026-11-01T06:00:00Z", -0.6, 10),
                said("solved", "2026-11-01T09:00:00Z", 0.2, 30),
                // after the solve: what the survey answer would already know; never a feature
                said("solved", "2026-11-02T07:00:00Z", -1.0, 40),
                said("solved", "2026-11-03T08:00:00Z", -1.0, 40)));

    Row solved = rows.get("solved");
    assertThat((double) solved.getAs(SentimentFeatures.LEVEL)).isCloseTo(0.0, within(1e-12));
    assertThat((double) solved.getAs(SentimentFeatures.TREND)).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void anOpenTicketCountsWhatWasSaidBeforeTheAsOfInstantOnly() throws Exception {
    Map<String, Row> rows =
        features(
            List.of(
                said("open", "2026-11-09T06:00:00Z", -0.4, 10),
                said("open", "2026-11-10T00:00:00Z", 1.0, 10)));

    assertThat((double) rows.get("open").getAs(SentimentFeatures.LEVEL)).isEqualTo(-0.4);
    assertThat((double) rows.get("open").getAs(SentimentFeatures.TREND)).isZero();
  }

  @Test
  void aTicketWithoutScoredMessagesStaysWithItsSentimentMissing() throws Exception {
    Map<String, Row> rows = features(List.of(said("open", "2026-11-09T06:00:00Z", -0.4, 10)));

    assertThat(rows).containsKeys("solved", "open", "unscored");
    assertThat((Object) rows.get("unscored").getAs(SentimentFeatures.LEVEL)).isNull();
  }
}
