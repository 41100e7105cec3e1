package org.sanjeh.streaming;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.kafka.KafkaProducers;

/**
 * Puts ticket events on a topic the way ingestion does: JSON per the event contract, keyed by
 * ticket id so one ticket's events stay in order. For replay, the benchmark and tests.
 */
public final class TicketEventProducer implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private final TicketEventCodec codec = new TicketEventCodec();

  /**
   * @param lingerMs 0 to send each record at once (latency), ~20 to batch (throughput)
   */
  public TicketEventProducer(String bootstrapServers, int lingerMs) {
    this.producer = KafkaProducers.durable(bootstrapServers, KafkaProducers.batching(lingerMs));
  }

  public void send(String topic, TicketEvent event) {
    send(topic, event.ticketId(), codec.encodeBytes(event));
  }

  /** A record as it is, e.g. a line of a file that may not be a valid event; key may be null. */
  public void send(String topic, String ticketId, byte[] value) {
    producer.send(new ProducerRecord<>(topic, ticketId, value));
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
