package org.sanjeh.batch.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sanjeh.batch.testing.Tickets.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.sanjeh.batch.io.TicketHistories;
import org.sanjeh.batch.sentiment.SentimentFeatures;
import org.sanjeh.batch.testing.SparkTest;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.Priority;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.sla.PolicyFile;

class ChurnFeaturesTest extends SparkTest {

  private static final Instant AS_OF = Instant.parse("2026-11-10T00:00:00Z");

  /** Customer c1 before the as-of date: two tickets, one answered in time, one still open. */
  private static List<List<TicketEvent>> history() {
    return List.of(
        ticket("a")
            .customer("c1")
            .priority(Priority.NORMAL)
            .created("2026-10-01T06:00:00Z")
            .reply("2026-10-01T06:30:00Z")
            .resolved("2026-10-01T07:00:00Z")
            .events(),
        ticket("b")
            .customer("c1")
            .channel(Channel.CHAT)
            .priority(Priority.URGENT)
            .created("2026-11-08T06:00:00Z")
            .events());
  }

  /** The same history plus what happened after the as-of date. */
  private static List<List<TicketEvent>> historyAndFuture() {
    List<List<TicketEvent>> all = new ArrayList<>();
    List<TicketEvent> b = new ArrayList<>(history().get(1));
    b.addAll(
        ticket("b")
            .customer("c1")
            .channel(Channel.CHAT)
            .reply("2026-11-10T00:00:00Z")
            .resolved("2026-11-12T00:00:00Z")
            .events()
            .stream()
            .map(e -> e.toBuilder().eventId("b-future-" + e.eventId()).build())
            .toList());
    all.add(history().get(0));
    all.add(b);
    all.add(
        ticket("c")
            .customer("c1")
            .created("2026-11-20T06:00:00Z")
            .reply("2026-11-20T07:00:00Z")
            .events());
    return all;
  }

  /** A scored customer message: ticket, when, score, tokens (as sentiment_messages holds it). */
  private static Row said(String ticket, String at, double score, long tokens) {
    return RowFactory.create(ticket, Instant.parse(at).toEpochMilli(), score, tokens);
  }

  /** Scores of c1's messages before the as-of date: ticket a, then ticket b. */
  private static List<Row> sentimentBefore() {
    return List.of(
        said("a", "2026-10-01T06:00:00Z", -0.5, 10),
        said("a", "2026-10-01T06:40:00Z", 0.5, 30),
        said("b", "2026-11-08T06:00:00Z", -0.8, 20));
  }

  /** The same plus messages after it: on ticket b, and on ticket c opened after the date. */
  private static List<Row> sentimentAndFuture() {
    List<Row> all = new ArrayList<>(sentimentBefore());
    all.add(said("b", "2026-11-10T00:00:00Z", 0.9, 50));
    all.add(said("b", "2026-11-11T08:00:00Z", 1.0, 5));
    all.add(said("c", "2026-11-20T06:00:00Z", -1.0, 40));
    return all;
  }

  private static Dataset<Row> features(List<List<TicketEvent>> tickets, List<Row> surveys)
      throws Exception {
    return features(tickets, surveys, List.of());
  }

  private static Dataset<Row> features(
      List<List<TicketEvent>> tickets, List<Row> surveys, List<Row> sentiment) throws Exception {
    TicketSummary summary = new TicketSummary(AS_OF, PolicyFile.defaultText());
    List<Row> rows = new ArrayList<>();
    for (List<TicketEvent> t : tickets) {
      TicketHistories.perTicket(t, summary).forEachRemaining(rows::add);
    }
    return ChurnFeatures.build(
        spark.createDataFrame(rows, TicketSummary.SCHEMA),
        spark.createDataFrame(surveys, ChurnFeatures.SURVEYS),
        spark.createDataFrame(sentiment, SentimentFeatures.MESSAGES),
        AS_OF);
  }

  @Test
  void noFeatureChangesWhenOnlyEventsAfterTheAsOfDateAreAdded() throws Exception {
    List<Row> surveyBefore =
        List.of(
            RowFactory.create(
                "c1", "csat", 5, Instant.parse("2026-10-02T00:00:00Z").toEpochMilli()));
    List<Row> surveysAfterToo = new ArrayList<>(surveyBefore);
    surveysAfterToo.add(
        RowFactory.create("c1", "csat", 1, Instant.parse("2026-11-13T00:00:00Z").toEpochMilli()));

    Row before = features(history(), surveyBefore, sentimentBefore()).first();
    Row withFuture = features(historyAndFuture(), surveysAfterToo, sentimentAndFuture()).first();

    assertThat(before.schema().fieldNames())
        .contains(SentimentFeatures.LEVEL, SentimentFeatures.TREND);
    for (String column : before.schema().fieldNames()) {
      assertThat((Object) withFuture.getAs(column)).as(column).isEqualTo(before.getAs(column));
    }
  }

  @Test
  void featuresAreTheHandCountedValuesOfTheHistory() throws Exception {
    Row c1 = features(history(), List.of()).first();

    assertThat((double) c1.getAs("tickets_total")).isEqualTo(2);
    assertThat((double) c1.getAs("tickets_30d")).isEqualTo(1);
    assertThat((double) c1.getAs("open_tickets")).isEqualTo(1);
    assertThat((double) c1.getAs("channels_used")).isEqualTo(2);
    assertThat((double) c1.getAs("frt_mean_h")).isEqualTo(0.5);
    // urgent ticket b (30 min target, Tehran business hours) unanswered for two days: breached
    assertThat((double) c1.getAs("fr_breaches")).isEqualTo(1);
    assertThat((double) c1.getAs("days_since_last_contact")).isEqualTo(1.75);
    assertThat((double) c1.getAs("tenure_days")).isEqualTo(39.75);
    assertThat((double) c1.getAs("surveys_answered")).isZero();
  }

  @Test
  void sentimentIsTheTokenWeightedLevelAndTheFirstToLastTrendOfTheCustomersMessages()
      throws Exception {
    Row c1 = features(history(), List.of(), sentimentBefore()).first();

    // (-0.5 × 10 + 0.5 × 30 - 0.8 × 20) / 60
    assertThat((double) c1.getAs(SentimentFeatures.LEVEL)).isCloseTo(-0.1, within(1e-12));
    // last (-0.8, ticket b) minus first (-0.5, ticket a)
    assertThat((double) c1.getAs(SentimentFeatures.TREND)).isCloseTo(-0.3, within(1e-12));
  }

  @Test
  void aCustomerWithNoScoredMessageKeepsTheRowWithSentimentMissing() throws Exception {
    Row c1 = features(history(), List.of(), List.of()).first();

    assertThat((Object) c1.getAs(SentimentFeatures.LEVEL)).isNull();
    assertThat((Object) c1.getAs(SentimentFeatures.TREND)).isNull();
    assertThat((double) c1.getAs("tickets_total")).isEqualTo(2);
  }
}
