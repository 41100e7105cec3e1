package org.sanjeh.streaming;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;

/**
 * Puts ticket events on a topic the way ingestion does: JSON per the event contract, keyed by
 * ticket id so one ticket's events stay in order. For replay, the benchmark and tests.
 */
public final class TicketEventProducer implements AutoCloseable {

  private final KafkaProducer<byte[], byte[]> producer;
  private final TicketEventCodec codec = new TicketEventCodec();

  /**
   * @param lingerMs 0 to send each record at once (latency), ~20 to batch (throughput)
   */
  public TicketEventProducer(String bootstrapServers, int lingerMs) {
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                lingerMs,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
  }

  public void send(String topic, TicketEvent event) {
    send(topic, event.ticketId(), codec.encodeBytes(event));
  }

  /** A record as it is, e.g. a line of a file that may not be a valid event; key may be null. */
  public void send(String topic, String ticketId, byte[] value) {
    producer.send(
        new ProducerRecord<>(
            topic, ticketId == null ? null : ticketId.getBytes(StandardCharsets.UTF_8), value));
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
