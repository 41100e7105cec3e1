package org.sanjeh.streaming.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.streaming.KafkaTopics;
import org.sanjeh.warehouse.sample.SyntheticEvents;

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
    TicketEventCodec codec = new TicketEventCodec();
    long started = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class))) {
      for (int i = 0; i < events.size(); i++) {
        TicketEvent event = events.get(i);
        producer.send(
            new ProducerRecord<>(
                topic,
                event.ticketId().getBytes(StandardCharsets.UTF_8),
                codec.encodeBytes(event)));
        if (perSecond > 0 && i % 100 == 0) {
          long due = started + Duration.ofSeconds(1).toNanos() * i / perSecond;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
        }
      }
      for (byte[] record : raw) {
        producer.send(new ProducerRecord<>(topic, null, record));
      }
      producer.flush();
    }
  }
}
