package org.sanjeh.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creating and deleting Sanjeh's topics: the one place that knows how. Retention is unlimited on
 * every topic: replayed history carries old event-time timestamps, and time-based retention would
 * delete it within minutes.
 */
public final class KafkaTopics {

  private static final int ANSWER_SECONDS = 30;

  private KafkaTopics() {}

  /** Creates the topic unless it exists, with the {@link TopicDurability#configured()} one. */
  public static void ensure(String bootstrapServers, String topic, int partitions) {
    ensure(bootstrapServers, TopicDurability.configured(), Map.of(topic, partitions));
  }

  /**
   * Creates each topic that does not exist yet with its partitions and the durability; existing
   * topics are left as they are.
   *
   * @param partitionsByTopic topic name to partition count, created in this order
   * @throws IllegalStateException naming the topic and the broker when Kafka refuses or does not
   *     answer within 30 s
   */
  public static void ensure(
      String bootstrapServers, TopicDurability durability, Map<String, Integer> partitionsByTopic) {
    try (Admin admin = admin(bootstrapServers)) {
      for (NewTopic topic : newTopics(durability, partitionsByTopic)) {
        create(admin, topic, bootstrapServers);
      }
    }
  }

  /** The topics as Kafka is asked for them: also the place tests read the settings from. */
  static List<NewTopic> newTopics(
      TopicDurability durability, Map<String, Integer> partitionsByTopic) {
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put("retention.ms", "-1");
    configs.put("retention.bytes", "-1");
    configs.put("min.insync.replicas", Integer.toString(durability.minInsyncReplicas()));
    List<NewTopic> topics = new ArrayList<>();
    partitionsByTopic.forEach(
        (name, partitions) ->
            topics.add(
                new NewTopic(name, partitions, durability.replicationFactor()).configs(configs)));
    return topics;
  }

  private static void create(Admin admin, NewTopic topic, String bootstrapServers) {
    try {
      admin.createTopics(List.of(topic)).all().get(ANSWER_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "cannot create Kafka topic %s (%d partitions, replication %d) on %s: %s"
                .formatted(
                    topic.name(),
                    topic.numPartitions(),
                    topic.replicationFactor(),
                    bootstrapServers,
                    e.getCause().getMessage()),
            e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka at %s did not answer within %d s: is it running (./sanjeh kafka start)?"
              .formatted(bootstrapServers, ANSWER_SECONDS),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating Kafka topic " + topic.name(), e);
    }
  }

  /** Deletes the topic; a failure is reported, not thrown (it is clean-up). */
  public static void delete(String bootstrapServers, String topic) {
    try (Admin admin = admin(bootstrapServers)) {
      admin.deleteTopics(List.of(topic)).all().get(ANSWER_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      System.err.println("could not delete Kafka topic " + topic + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Admin admin(String bootstrapServers) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }
}
