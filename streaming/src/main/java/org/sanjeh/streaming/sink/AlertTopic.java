package org.sanjeh.streaming.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.sanjeh.kafka.KafkaTopics;
import org.sanjeh.streaming.sla.SlaAlert;

/**
 * Alerts onto a Kafka topic as JSON, keyed by ticket. At least once: a restart may publish an alert
 * again with the same {@code alert_id}; consumers drop ids they have seen (Kafka transactions would
 * hold every alert back until the next checkpoint, which defeats an alert).
 */
public final class AlertTopic {

  /** The topic the demo and the survey service's operators read. */
  public static final String DEFAULT_TOPIC = "sla-alerts";

  private AlertTopic() {}

  /** Creates the topic if it does not exist (the local broker does not create topics itself). */
  public static void ensure(String bootstrapServers, String topic) {
    KafkaTopics.ensure(bootstrapServers, topic, 1);
  }

  public static KafkaSink<SlaAlert> sink(String bootstrapServers, String topic) {
    return KafkaSink.<SlaAlert>builder()
        .setBootstrapServers(bootstrapServers)
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .setRecordSerializer(new Serializer(topic))
        .build();
  }

  /** The JSON form, also used by the replay command. */
  public static ObjectNode json(ObjectMapper mapper, SlaAlert alert) {
    ObjectNode node = mapper.createObjectNode();
    node.put("alert_id", alert.alertId);
    node.put("ticket_id", alert.ticketId);
    node.put("target", alert.target);
    node.put("kind", alert.kind);
    node.put("at", Instant.ofEpochMilli(alert.at).toString());
    node.put("due_at", alert.dueAt < 0 ? null : Instant.ofEpochMilli(alert.dueAt).toString());
    node.put("policy", alert.policy);
    node.put("channel", alert.dimensions.channel);
    node.put("team", alert.dimensions.team);
    node.put("priority", alert.dimensions.priority);
    node.put("agent_id", alert.dimensions.agentId);
    return node;
  }

  private record Serializer(String topic) implements KafkaRecordSerializationSchema<SlaAlert> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
        SlaAlert alert, KafkaSinkContext context, Long timestamp) {
      try {
        return new ProducerRecord<>(
            topic,
            alert.ticketId.getBytes(StandardCharsets.UTF_8),
            MAPPER.writeValueAsBytes(json(MAPPER, alert)));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write alert " + alert + " as JSON", e);
      }
    }
  }
}
