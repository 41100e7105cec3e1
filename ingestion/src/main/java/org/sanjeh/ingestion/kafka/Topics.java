package org.sanjeh.ingestion.kafka;

import java.util.HashMap;
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
 * The topics Sanjeh uses, and their creation. Retention is unlimited on both: replayed history
 * carries old event-time timestamps, and time-based retention would delete it within minutes.
 */
public final class Topics {

  /** Every ticket event, keyed by ticket id so that one ticket's events stay in order. */
  public static final String TICKET_EVENTS = "ticket-events";

  /** Refused input, byte for byte, with the reason in the record headers. */
  public static final String DEAD_LETTERS = "ticket-events-dead-letters";

  private Topics() {}

  /**
   * Creates the topics that do not exist yet, replicated as the environment says ({@link
   * TopicReplication#fromEnvironment}); existing ones are left as they are.
   */
  public static void ensure(String bootstrapServers, int partitions) {
    ensure(bootstrapServers, partitions, TopicReplication.fromEnvironment(System.getenv()));
  }

  /** Creates the topics that do not exist yet; existing ones are left as they are. */
  public static void ensure(String bootstrapServers, int partitions, TopicReplication replication) {
    Map<String, String> config = new HashMap<>(replication.topicConfig());
    config.put("retention.ms", "-1");
    config.put("retention.bytes", "-1");
    List<NewTopic> topics =
        List.of(
            new NewTopic(TICKET_EVENTS, partitions, replication.factor()).configs(config),
            new NewTopic(DEAD_LETTERS, 1, replication.factor()).configs(config));
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      for (NewTopic topic : topics) {
        try {
          admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException(
                "cannot create Kafka topic "
                    + topic.name()
                    + " on "
                    + bootstrapServers
                    + ": "
                    + e.getCause().getMessage(),
                e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating Kafka topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka at "
              + bootstrapServers
              + " did not answer within 30 s: is it running (./sanjeh kafka start)?",
          e);
    }
  }
}
