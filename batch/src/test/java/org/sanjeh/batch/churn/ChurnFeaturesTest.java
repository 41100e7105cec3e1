package org.sanjeh.batch.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanjeh.batch.testing.Tickets.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.sanjeh.batch.io.TicketHistories;
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

  private static Dataset<Row> features(List<List<TicketEvent>> tickets, List<Row> surveys)
      throws Exception {
    TicketSummary summary = new TicketSummary(AS_OF, PolicyFile.defaultText());
    List<Row> rows = new ArrayList<>();
    for (List<TicketEvent> t : tickets) {
      TicketHistories.perTicket(t, summary).forEachRemaining(rows::add);
    }
    return ChurnFeatures.build(
        spark.createDataFrame(rows, TicketSummary.SCHEMA),
        spark.createDataFrame(surveys, ChurnFeatures.SURVEYS),
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

    Row before = features(history(), surveyBefore).first();
    Row withFuture = features(historyAndFuture(), surveysAfterToo).first();

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
}
