package org.sanjeh.ingestion.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sanjeh.kafka.KafkaTopics;
import org.sanjeh.kafka.TopicDurability;

/** The topics ingestion writes; {@link KafkaTopics} creates them. */
public final class Topics {

  /** Every ticket event, keyed by ticket id so that one ticket's events stay in order. */
  public static final String TICKET_EVENTS = "ticket-events";

  /** Refused input, byte for byte, with the reason in the record headers. */
  public static final String DEAD_LETTERS = "ticket-events-dead-letters";

  private Topics() {}

  /** Creates the topics that do not exist yet, with the configured durability. */
  public static void ensure(String bootstrapServers, int partitions) {
    ensure(bootstrapServers, partitions, TopicDurability.configured());
  }

  /**
   * Creates the topics that do not exist yet; existing ones are left as they are.
   *
   * @param partitions of {@link #TICKET_EVENTS}; the dead letters have one
   */
  public static void ensure(String bootstrapServers, int partitions, TopicDurability durability) {
    Map<String, Integer> topics = new LinkedHashMap<>();
    topics.put(TICKET_EVENTS, partitions);
    topics.put(DEAD_LETTERS, 1);
    KafkaTopics.ensure(bootstrapServers, durability, topics);
  }
}
