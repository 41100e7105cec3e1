package org.sanjeh.streaming.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.kafka.KafkaTopics;
import org.sanjeh.streaming.TicketEventProducer;
import org.sanjeh.testbed.SyntheticEvents;

/** Ticket events for the integration tests, and putting them on a Kafka topic of their own. */
public final class TestEvents {

  /** Two records that are not valid events: not JSON, and an unknown channel. */
  public static final List<byte[]> BAD_RECORDS =
      List.of(
          "this is not json".getBytes(StandardCharsets.UTF_8),
          ("{\"event_id\":\"bad-1\",\"ticket_id\":\"T-bad\",\"occurred_at\":\"2026-01-05T10:00:00Z\","
                  + "\"type\":\"customer_message\",\"channel\":\"fax\",\"author_role\":\"customer\"}")
              .getBytes(StandardCharsets.UTF_8));

  private TestEvents() {}

  /** Complete ticket lifecycles in event-time order (synthetic, English and Persian). */
  public static List<TicketEvent> lifecycles(long seed, int tickets, int days) {
    List<TicketEvent> events = new ArrayList<>();
    SyntheticEvents.ofTickets(seed, tickets, Instant.parse("2026-01-03T00:00:00Z"), days)
        .forEachRemaining(events::add);
    return events;
  }

  public static void createTopic(String bootstrap, String topic, int partitions) {
    KafkaTopics.ensure(bootstrap, topic, partitions);
  }

  /** Sends the events keyed by ticket, then the raw records; paced to {@code perSecond} if > 0. */
  public static void send(
      String bootstrap, String topic, List<TicketEvent> events, List<byte[]> raw, int perSecond)
      throws InterruptedException {
    long started = System.nanoTime();
    try (TicketEventProducer producer = new TicketEventProducer(bootstrap, 0)) {
      for (int i = 0; i < events.size(); i++) {
        producer.send(topic, events.get(i));
        if (perSecond > 0 && i % 100 == 0) {
          long due = started + Duration.ofSeconds(1).toNanos() * i / perSecond;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
        }
      }
      for (byte[] record : raw) {
        producer.send(topic, null, record);
      }
      producer.flush();
    }
  }
}
