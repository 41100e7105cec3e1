package org.sanjeh.streaming;

/**
 * Kept only so that {@code bench/StreamingBench} compiles until it moves to the dev tools (issue
 * 13, items 1-2): use {@link org.sanjeh.kafka.KafkaTopics}. Delete this class when the bench calls
 * that one.
 */
@Deprecated(forRemoval = true)
public final class KafkaTopics {

  private KafkaTopics() {}

  public static void ensure(String bootstrapServers, String topic, int partitions) {
    org.sanjeh.kafka.KafkaTopics.ensure(bootstrapServers, topic, partitions);
  }

  public static void delete(String bootstrapServers, String topic) {
    org.sanjeh.kafka.KafkaTopics.delete(bootstrapServers, topic);
  }
}
