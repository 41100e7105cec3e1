package org.sanjeh.streaming.source;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The Kafka source of ticket events, and the job's event-time rules. */
public final class KafkaEvents {

  private KafkaEvents() {}

  /**
   * Reads {@code topic} from the group's committed offsets (the earliest offset the first time).
   * Offsets are committed at checkpoints, for monitoring only: a restart resumes from the
   * checkpoint's own offsets.
   *
   * @param bounded stop at the offsets that are the latest when the job starts (for replays)
   */
  public static KafkaSource<Decoded> source(
      String bootstrapServers, String topic, String groupId, boolean bounded) {
    KafkaSourceBuilder<Decoded> builder =
        KafkaSource.<Decoded>builder()
            .setBootstrapServers(bootstrapServers)
            .setTopics(topic)
            .setGroupId(groupId)
            .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
            .setDeserializer(new TicketEventDeserializer())
            .setProperty("commit.offsets.on.checkpoint", "true")
            .setProperty("client.id.prefix", groupId);
    if (bounded) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return builder.build();
  }

  /**
   * Event time is the event's {@code occurred_at}; the watermark trails the largest one seen by
   * {@code outOfOrderness}, per Kafka partition, and a partition silent for {@code idleness} stops
   * holding it back. A record that is not an event has no event time and does not move it.
   */
  public static WatermarkStrategy<Decoded> watermarks(Duration outOfOrderness, Duration idleness) {
    return WatermarkStrategy.<Decoded>forBoundedOutOfOrderness(outOfOrderness)
        .withTimestampAssigner(
            (decoded, kafkaTimestamp) ->
                decoded.event != null ? decoded.event.occurredAt : Long.MIN_VALUE)
        .withIdleness(idleness);
  }
}
