package org.sanjeh.batch.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanjeh.batch.testing.Warehouses.command;
import static org.sanjeh.batch.testing.Warehouses.concat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.batch.BatchCommand;
import org.sanjeh.batch.testing.SparkTest;
import org.sanjeh.batch.testing.Warehouses;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import picocli.CommandLine;

/** {@code batch sentiment} against the real ClickHouse. */
@ExtendWith(ClickHouseExtension.class)
class SentimentJobIT extends SparkTest {

  private final Warehouse warehouse;

  SentimentJobIT(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  private static TicketEvent event(
      String id, String ticket, String at, EventType type, AuthorRole role, String body) {
    return TicketEvent.builder()
        .eventId(id)
        .ticketId(ticket)
        .occurredAt(Instant.parse(at))
        .type(type)
        .channel(Channel.EMAIL)
        .authorRole(role)
        .customerId("c-" + ticket)
        .body(body)
        .build();
  }

  private static List<List<TicketEvent>> history() {
    return List.of(
        List.of(
            event(
                "e1",
                "t1",
                "2026-11-02T09:00:00Z",
                EventType.TICKET_CREATED,
                AuthorRole.CUSTOMER,
                "The app is terrible and it crashes all the time. I am furious."),
            event(
                "e2",
                "t1",
                "2026-11-02T09:30:00Z",
                EventType.AGENT_REPLY,
                AuthorRole.AGENT,
                "We are so sorry! Wonderful news: it is fixed."),
            event(
                "e3",
                "t1",
                "2026-11-02T09:31:00Z",
                EventType.INTERNAL_NOTE,
                AuthorRole.AGENT,
                "Awful customer, terrible tone."),
            event(
                "e4",
                "t1",
                "2026-11-02T09:32:00Z",
                EventType.BOT_MESSAGE,
                AuthorRole.BOT,
                "Thank you, we love hearing from you!"),
            event(
                "e5",
                "t1",
                "2026-11-03T10:00:00Z",
                EventType.CUSTOMER_MESSAGE,
                AuthorRole.CUSTOMER,
                "Thank you so much, it works perfectly now. Excellent service!")),
        List.of(
            event(
                "p1",
                "t2",
                "2026-11-03T08:00:00Z",
                EventType.CUSTOMER_MESSAGE,
                AuthorRole.CUSTOMER,
                "سفارشم هنوز نرسیده و هیچ کس جواب نمیده"),
            event(
                "p2",
                "t2",
                "2026-11-04T08:00:00Z",
                EventType.CUSTOMER_MESSAGE,
                AuthorRole.CUSTOMER,
                "خیلی ممنون، مشکل حل شد")),
        List.of(
            event(
                "x1",
                "t3",
                "2026-11-20T08:00:00Z",
                EventType.CUSTOMER_MESSAGE,
                AuthorRole.CUSTOMER,
                "This one is outside the period.")));
  }

  private int sentiment(String from, String to) {
    return new CommandLine(new BatchCommand())
        .execute(concat(command(warehouse, "sentiment"), "--from=" + from, "--to=" + to));
  }

  private List<String> scoredEvents() {
    return warehouse.query(
        "SELECT event_id FROM sentiment_messages ORDER BY event_id", row -> row.getString(1));
  }

  private double messageScore(String eventId) {
    return warehouse
        .query(
            "SELECT score FROM sentiment_messages FINAL WHERE event_id = ?",
            List.of(eventId),
            row -> row.getDouble(1))
        .get(0);
  }

  @Test
  void scoresOnlyCustomerMessagesAndReRunningReplacesTheRows() {
    Warehouses.store(warehouse, history());
    assertThat(sentiment("2026-11-01", "2026-11-10")).isZero();

    assertThat(scoredEvents()).containsExactly("e1", "e5", "p1", "p2");
    assertThat(messageScore("e1")).isNegative();
    assertThat(messageScore("e5")).isPositive();
    assertThat(
            warehouse.query(
                "SELECT model FROM sentiment_messages WHERE event_id IN ('p1', 'e1') ORDER BY event_id",
                row -> row.getString(1)))
        .satisfiesExactly(
            english -> assertThat(english).startsWith("corenlp-sentiment-sr@4.5.10"),
            persian -> assertThat(persian).startsWith("sanjeh-fa-lexicon@"));
    List<Double> t1 =
        warehouse.query(
            "SELECT trend FROM sentiment_tickets FINAL WHERE ticket_id = 't1'",
            row -> row.getDouble(1));
    assertThat(t1).hasSize(1);
    assertThat(t1.get(0)).isPositive();
    assertThat(warehouse.queryLong("SELECT count() FROM sentiment_tickets")).isEqualTo(2);

    assertThat(sentiment("2026-11-01", "2026-11-10")).isZero();
    assertThat(scoredEvents()).containsExactly("e1", "e5", "p1", "p2");
    assertThat(warehouse.queryLong("SELECT count() FROM sentiment_tickets")).isEqualTo(2);
  }

  @Test
  void aMessageAlreadyScoredBySameModelVersionIsNotScoredAgain() {
    Warehouses.store(warehouse, history());
    assertThat(sentiment("2026-11-01", "2026-11-10")).isZero();
    // a stored answer the models would never give: if the re-run rescored e5, it would be gone
    warehouse.execute("ALTER TABLE sentiment_messages UPDATE score = 0.125 WHERE event_id = 'e5'");
    awaitMutations();
    assertThat(sentiment("2026-11-01", "2026-11-10")).isZero();
    assertThat(messageScore("e5")).isEqualTo(0.125);
    // a stored answer under another key (another model version) is scored afresh
    warehouse.execute(
        "ALTER TABLE sentiment_messages UPDATE score = 0.125, score_key = 'old' WHERE event_id = 'e1'");
    awaitMutations();
    assertThat(sentiment("2026-11-01", "2026-11-10")).isZero();
    assertThat(messageScore("e1")).isNegative();
  }

  private void awaitMutations() {
    while (warehouse.queryLong(
            "SELECT count() FROM system.mutations WHERE database = currentDatabase() AND is_done = 0")
        > 0) {
      Thread.onSpinWait();
    }
  }
}
