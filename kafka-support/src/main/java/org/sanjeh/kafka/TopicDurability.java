package org.sanjeh.kafka;

import java.util.Map;

/**
 * How many copies of a topic the brokers keep, and how many must have a record before a producer
 * with {@code acks=all} is told it is written. The default is the single local broker's (1 and 1);
 * a cluster sets {@code SANJEH_KAFKA_REPLICATION_FACTOR=3} and {@code
 * SANJEH_KAFKA_MIN_INSYNC_REPLICAS=2} for every process that creates topics.
 *
 * @param replicationFactor copies of each partition, at least 1
 * @param minInsyncReplicas copies that must acknowledge a write, from 1 to {@code
 *     replicationFactor}
 */
public record TopicDurability(short replicationFactor, int minInsyncReplicas) {

  public static final String REPLICATION_FACTOR_VARIABLE = "SANJEH_KAFKA_REPLICATION_FACTOR";
  public static final String MIN_INSYNC_REPLICAS_VARIABLE = "SANJEH_KAFKA_MIN_INSYNC_REPLICAS";

  /** One local broker: what every topic had before this was configurable. */
  public static final TopicDurability SINGLE_BROKER = new TopicDurability((short) 1, 1);

  public TopicDurability {
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "Kafka replication factor " + replicationFactor + " must be at least 1");
    }
    if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
      throw new IllegalArgumentException(
          "min.insync.replicas "
              + minInsyncReplicas
              + " must be from 1 to the replication factor ("
              + replicationFactor
              + ")");
    }
  }

  /** The durability this process is configured with ({@link #from(Map)} of its environment). */
  public static TopicDurability configured() {
    return from(System.getenv());
  }

  /**
   * The durability the two variables name; an absent one keeps its {@link #SINGLE_BROKER} value.
   *
   * @throws IllegalArgumentException naming the variable when a value is not a valid number
   */
  public static TopicDurability from(Map<String, String> environment) {
    int replication = number(environment, REPLICATION_FACTOR_VARIABLE, 1);
    if (replication > Short.MAX_VALUE) {
      throw new IllegalArgumentException(
          REPLICATION_FACTOR_VARIABLE + "=" + replication + " is more copies than Kafka allows");
    }
    int minInsync = number(environment, MIN_INSYNC_REPLICAS_VARIABLE, 1);
    try {
      return new TopicDurability((short) replication, minInsync);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          REPLICATION_FACTOR_VARIABLE
              + "="
              + replication
              + ", "
              + MIN_INSYNC_REPLICAS_VARIABLE
              + "="
              + minInsync
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static int number(Map<String, String> environment, String variable, int absent) {
    String value = environment.get(variable);
    if (value == null || value.isBlank()) {
      return absent;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          variable + "=\"" + value + "\" is not a whole number of brokers", e);
    }
  }
}
