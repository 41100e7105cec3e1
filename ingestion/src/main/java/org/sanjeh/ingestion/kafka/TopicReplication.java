package org.sanjeh.ingestion.kafka;

import java.util.Map;

/**
 * How many brokers hold each partition of Sanjeh's topics, and how many must have a record before
 * an {@code acks=all} producer is told it is stored. Three and two survive one broker lost without
 * losing an acknowledged event or refusing writes.
 *
 * <p>From the environment: {@code SANJEH_KAFKA_REPLICATION_FACTOR} and {@code
 * SANJEH_KAFKA_MIN_INSYNC_REPLICAS} (both 1 by default: the single local broker).
 */
public record TopicReplication(short factor, int minInsyncReplicas) {

  public static final String FACTOR = "SANJEH_KAFKA_REPLICATION_FACTOR";
  public static final String MIN_INSYNC = "SANJEH_KAFKA_MIN_INSYNC_REPLICAS";

  /** One broker: the local default. */
  public static final TopicReplication SINGLE_BROKER = new TopicReplication((short) 1, 1);

  public TopicReplication {
    if (factor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > factor) {
      throw new IllegalArgumentException(
          "%s=%d and %s=%d: need 1 <= min in-sync replicas <= replication factor"
              .formatted(FACTOR, factor, MIN_INSYNC, minInsyncReplicas));
    }
  }

  public static TopicReplication fromEnvironment(Map<String, String> env) {
    return new TopicReplication((short) number(env, FACTOR), number(env, MIN_INSYNC));
  }

  /** The topic settings that carry it (the replication factor is an argument of creation). */
  Map<String, String> topicConfig() {
    return Map.of("min.insync.replicas", Integer.toString(minInsyncReplicas));
  }

  private static int number(Map<String, String> env, String variable) {
    String value = env.getOrDefault(variable, "1").strip();
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(variable + "='" + value + "' is not a whole number", e);
    }
  }
}
