package org.sanjeh.ingestion.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.kafka.KafkaProducers;
import org.sanjeh.warehouse.write.DeadLetter;

/**
 * Puts events and dead letters on Kafka. Durable by configuration: {@code acks=all} and an
 * idempotent producer, so an acknowledged record is on the broker and a retried send is not written
 * twice. A future completes only when the broker acknowledged; callers answer their own clients
 * after that, never before.
 */
public final class EventPublisher implements AutoCloseable {

  public static final String HEADER_EVENT_ID = "sanjeh-event-id";
  public static final String HEADER_SOURCE = "sanjeh-source";
  public static final String HEADER_REASON = "sanjeh-reason";
  public static final String HEADER_LINE = "sanjeh-line";
  public static final String HEADER_RECEIVED_AT = "sanjeh-received-at";

  private final KafkaProducer<String, byte[]> producer;
  private final TicketEventCodec codec = new TicketEventCodec();

  /**
   * @param deliveryTimeout how long a send may take, retries included, before it fails
   */
  public EventPublisher(String bootstrapServers, Duration deliveryTimeout) {
    this(bootstrapServers, deliveryTimeout, Map.of());
  }

  /**
   * @param overrides producer settings that replace the defaults (e.g. {@code compression.type}),
   *     never the durability ones
   */
  public EventPublisher(
      String bootstrapServers, Duration deliveryTimeout, Map<String, Object> overrides) {
    // Measured (docs/benchmarks.md): 1 ms sends more, smaller requests and costs the 2-core machine
    // more CPU than the 4 ms it saves each single-event request.
    this.producer =
        KafkaProducers.durable(
            bootstrapServers,
            KafkaProducers.merge(
                KafkaProducers.batching(5),
                KafkaProducers.deliveryWithin(deliveryTimeout),
                overrides));
  }

  /** Sends one event keyed by its ticket; completes when the broker acknowledged it. */
  public CompletableFuture<Void> publish(TicketEvent event, String source) {
    return publish(encode(event), source);
  }

  /** The event with its JSON, made ahead of sending (for example on another thread). */
  public record Encoded(String eventId, String ticketId, byte[] json) {}

  /** Encodes an event for {@link #publish(Encoded, String)}. Thread-safe. */
  public Encoded encode(TicketEvent event) {
    return new Encoded(event.eventId(), event.ticketId(), codec.encodeBytes(event));
  }

  /** Sends one encoded event keyed by its ticket; completes when the broker acknowledged it. */
  public CompletableFuture<Void> publish(Encoded event, String source) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(HEADER_EVENT_ID, utf8(event.eventId()));
    headers.add(HEADER_SOURCE, utf8(source));
    return send(
        new ProducerRecord<>(Topics.TICKET_EVENTS, null, event.ticketId(), event.json(), headers));
  }

  /** Sends refused input as received, with its reason, source and line in the headers. */
  public CompletableFuture<Void> publishDeadLetter(DeadLetter letter) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(HEADER_SOURCE, utf8(letter.source()));
    headers.add(HEADER_REASON, utf8(letter.reason()));
    headers.add(HEADER_LINE, utf8(Integer.toString(letter.line())));
    headers.add(HEADER_RECEIVED_AT, utf8(letter.receivedAt().toString()));
    return send(
        new ProducerRecord<>(
            Topics.DEAD_LETTERS, null, letter.source(), letter.payload(), headers));
  }

  private CompletableFuture<Void> send(ProducerRecord<String, byte[]> record) {
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    try {
      producer.send(
          record,
          (metadata, error) -> {
            if (error == null) {
              acknowledged.complete(null);
            } else {
              acknowledged.completeExceptionally(error);
            }
          });
    } catch (RuntimeException e) {
      // send() itself throws when the broker stays unreachable past max.block.ms.
      acknowledged.completeExceptionally(e);
    }
    return acknowledged;
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
