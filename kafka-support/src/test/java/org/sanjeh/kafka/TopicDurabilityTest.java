package org.sanjeh.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class TopicDurabilityTest {

  @Test
  void withoutTheVariablesTopicsKeepOneCopyAsBefore() {
    assertThat(TopicDurability.from(Map.of())).isEqualTo(TopicDurability.SINGLE_BROKER);
  }

  @Test
  void aClusterSetsThreeCopiesOfWhichTwoMustAcknowledge() {
    TopicDurability durability =
        TopicDurability.from(
            Map.of(
                "SANJEH_KAFKA_REPLICATION_FACTOR", "3", "SANJEH_KAFKA_MIN_INSYNC_REPLICAS", "2"));

    assertThat(durability).isEqualTo(new TopicDurability((short) 3, 2));
  }

  @Test
  void aValueThatIsNotANumberIsRefusedNamingTheVariableAndTheValue() {
    assertThatThrownBy(
            () -> TopicDurability.from(Map.of("SANJEH_KAFKA_REPLICATION_FACTOR", "three")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SANJEH_KAFKA_REPLICATION_FACTOR=\"three\"");
  }

  @Test
  void moreInSyncReplicasThanCopiesIsRefusedNamingBoth() {
    assertThatThrownBy(() -> TopicDurability.from(Map.of("SANJEH_KAFKA_MIN_INSYNC_REPLICAS", "2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SANJEH_KAFKA_REPLICATION_FACTOR=1")
        .hasMessageContaining("SANJEH_KAFKA_MIN_INSYNC_REPLICAS=2");
  }

  @Test
  void everyTopicIsAskedForWithItsPartitionsTheReplicationAndTheMinimumInSyncReplicas() {
    NewTopic topic =
        KafkaTopics.newTopics(new TopicDurability((short) 3, 2), Map.of("ticket-events", 4)).get(0);

    assertThat(topic.numPartitions()).isEqualTo(4);
    assertThat(topic.replicationFactor()).isEqualTo((short) 3);
    assertThat(topic.configs())
        .containsEntry("min.insync.replicas", "2")
        .containsEntry("retention.ms", "-1")
        .containsEntry("retention.bytes", "-1");
  }

  @Test
  void aCallerCannotTuneAProducerOutOfDurability() {
    Map<String, Object> config =
        KafkaProducers.config(
            "broker:9092",
            Map.of(
                ProducerConfig.ACKS_CONFIG,
                "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                false,
                ProducerConfig.LINGER_MS_CONFIG,
                7));

    assertThat(config)
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 7)
        .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092");
  }
}
