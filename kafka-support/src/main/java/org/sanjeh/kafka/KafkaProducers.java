package org.sanjeh.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sanjeh's producers: durable whatever the caller tunes. {@code acks=all} and idempotence are set
 * after the caller's settings, so an acknowledged record is on every in-sync replica and a retried
 * send is not written twice; what a caller may change is batching, compression and timeouts.
 */
public final class KafkaProducers {

  private KafkaProducers() {}

  /** A producer of string keys (ticket or invitation ids) and byte values (JSON as sent). */
  public static KafkaProducer<String, byte[]> durable(
      String bootstrapServers, Map<String, Object> settings) {
    return new KafkaProducer<>(
        config(bootstrapServers, settings), new StringSerializer(), new ByteArraySerializer());
  }

  /** The configuration {@link #durable} uses, for tests and for producers built elsewhere. */
  public static Map<String, Object> config(String bootstrapServers, Map<String, Object> settings) {
    Map<String, Object> config = new HashMap<>(settings);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return config;
  }

  /**
   * Throughput settings: records wait up to {@code lingerMs} to share a request of up to 256 KiB,
   * compressed with lz4. 0 sends each record at once (latency).
   */
  public static Map<String, Object> batching(int lingerMs) {
    return Map.of(
        ProducerConfig.LINGER_MS_CONFIG,
        lingerMs,
        ProducerConfig.BATCH_SIZE_CONFIG,
        256 * 1024,
        ProducerConfig.COMPRESSION_TYPE_CONFIG,
        "lz4");
  }

  /**
   * Timeouts for a send that must fail within {@code deliveryTimeout}, retries included: no single
   * request waits longer than 30 s, and a send blocks at most that long for a broker that is gone.
   */
  public static Map<String, Object> deliveryWithin(Duration deliveryTimeout) {
    int timeout = (int) deliveryTimeout.toMillis();
    int request = Math.min(timeout, 30_000);
    return Map.of(
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
        request,
        // Kafka refuses a delivery timeout shorter than linger plus request timeout
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        Math.max(timeout, request + 5),
        ProducerConfig.MAX_BLOCK_MS_CONFIG,
        timeout);
  }

  /** Both maps in one, the later winning: {@code merge(batching(5), deliveryWithin(10 s))}. */
  @SafeVarargs
  public static Map<String, Object> merge(Map<String, Object>... settings) {
    Map<String, Object> merged = new HashMap<>();
    for (Map<String, Object> s : settings) {
      merged.putAll(s);
    }
    return merged;
  }
}
