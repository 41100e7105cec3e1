package org.sanjeh.ingestion.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicReplicationTest {

  @Test
  void oneBrokerIsTheDefaultWhenTheEnvironmentSaysNothing() {
    assertThat(TopicReplication.fromEnvironment(Map.of()))
        .isEqualTo(TopicReplication.SINGLE_BROKER);
  }

  @Test
  void readsTheFactorAndTheMinimumInSyncReplicasFromTheEnvironment() {
    TopicReplication replication =
        TopicReplication.fromEnvironment(
            Map.of(
                "SANJEH_KAFKA_REPLICATION_FACTOR", "3", "SANJEH_KAFKA_MIN_INSYNC_REPLICAS", "2"));

    assertThat(replication).isEqualTo(new TopicReplication((short) 3, 2));
    assertThat(replication.topicConfig()).containsEntry("min.insync.replicas", "2");
  }

  @Test
  void refusesMoreInSyncReplicasThanCopiesNamingBothSettings() {
    assertThatThrownBy(
            () ->
                TopicReplication.fromEnvironment(
                    Map.of(
                        "SANJEH_KAFKA_REPLICATION_FACTOR",
                        "2",
                        "SANJEH_KAFKA_MIN_INSYNC_REPLICAS",
                        "3")))
        .hasMessageContaining("SANJEH_KAFKA_REPLICATION_FACTOR=2")
        .hasMessageContaining("SANJEH_KAFKA_MIN_INSYNC_REPLICAS=3");
  }

  @Test
  void refusesAFactorThatIsNotANumber() {
    assertThatThrownBy(
            () ->
                TopicReplication.fromEnvironment(
                    Map.of("SANJEH_KAFKA_REPLICATION_FACTOR", "three")))
        .hasMessageContaining("SANJEH_KAFKA_REPLICATION_FACTOR='three'");
  }
}
