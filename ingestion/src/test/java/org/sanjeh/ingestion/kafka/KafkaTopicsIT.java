package org.sanjeh.ingestion.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.sanjeh.kafka.KafkaTopics;
import org.sanjeh.kafka.TopicDurability;

/** The shared topic helper against the real (single) broker of the tests. */
class KafkaTopicsIT {

  private final String bootstrap = TestKafka.shared().bootstrapServers();

  @Test
  void createsTopicsWithTheirPartitionsUnlimitedRetentionAndTheMinimumInSyncReplicas()
      throws Exception {
    String events = "topics-it-" + UUID.randomUUID();
    String letters = "topics-it-" + UUID.randomUUID();

    KafkaTopics.ensure(bootstrap, TopicDurability.SINGLE_BROKER, Map.of(events, 3, letters, 1));

    try (Admin admin = admin()) {
      Map<String, TopicDescription> topics =
          admin.describeTopics(List.of(events, letters)).allTopicNames().get(30, TimeUnit.SECONDS);
      assertThat(topics.get(events).partitions()).hasSize(3);
      assertThat(topics.get(letters).partitions()).hasSize(1);
      assertThat(topics.get(events).partitions().get(0).replicas()).hasSize(1);
      Config config = config(admin, events);
      assertThat(config.get("min.insync.replicas").value()).isEqualTo("1");
      assertThat(config.get("retention.ms").value()).isEqualTo("-1");
      assertThat(config.get("retention.bytes").value()).isEqualTo("-1");
    }
  }

  @Test
  void leavesAnExistingTopicAsItIs() throws Exception {
    String topic = "topics-it-" + UUID.randomUUID();
    KafkaTopics.ensure(bootstrap, topic, 2);

    KafkaTopics.ensure(bootstrap, topic, 5);

    try (Admin admin = admin()) {
      assertThat(
              admin
                  .describeTopics(List.of(topic))
                  .allTopicNames()
                  .get(30, TimeUnit.SECONDS)
                  .get(topic)
                  .partitions())
          .hasSize(2);
    }
  }

  @Test
  void refusesMoreReplicasThanTheClusterHasNamingTheTopicAndTheReplication() {
    String topic = "topics-it-" + UUID.randomUUID();

    assertThatThrownBy(
            () ->
                KafkaTopics.ensure(bootstrap, new TopicDurability((short) 3, 2), Map.of(topic, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(topic)
        .hasMessageContaining("replication 3")
        .hasMessageContaining(bootstrap);
  }

  @Test
  void ingestionTopicsAreCreatedWithTheGivenPartitionsAndDurability() throws Exception {
    Topics.ensure(bootstrap, 4, TopicDurability.SINGLE_BROKER);

    try (Admin admin = admin()) {
      assertThat(
              admin
                  .describeTopics(List.of(Topics.TICKET_EVENTS))
                  .allTopicNames()
                  .get(30, TimeUnit.SECONDS)
                  .get(Topics.TICKET_EVENTS)
                  .partitions())
          .hasSize(4);
      assertThat(config(admin, Topics.DEAD_LETTERS).get("min.insync.replicas").value())
          .isEqualTo("1");
    }
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  private static Config config(Admin admin, String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
  }
}
