package org.sanjeh.streaming.source;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.sanjeh.core.event.DecodeResult;
import org.sanjeh.core.event.TicketEventCodec;

/**
 * Decodes each {@code ticket-events} record with the event contract's codec. Decoding happens in
 * the source so that the watermark is per Kafka partition; a record that is not a valid event is
 * passed on with its reason, never dropped and never failing the job.
 */
public final class TicketEventDeserializer implements KafkaRecordDeserializationSchema<Decoded> {

  private transient TicketEventCodec codec;

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Decoded> out)
      throws IOException {
    Decoded decoded = decode(record.value(), null, record.timestamp());
    if (!decoded.isValid()) {
      // Named only for dead letters: formatting it for every record cost a sixth of the source.
      decoded.origin = origin(record);
    }
    out.collect(decoded);
  }

  /** Decodes one payload; a null or empty payload is a dead letter too. */
  public Decoded decode(byte[] payload, String origin, long publishedAt) {
    if (codec == null) {
      codec = new TicketEventCodec();
    }
    if (payload == null || payload.length == 0) {
      return Decoded.invalid(
          "empty record: no event in the value", origin, publishedAt, new byte[0]);
    }
    DecodeResult result = codec.decode(payload);
    return result.isValid()
        ? Decoded.valid(SlaEvent.of(result.event()), origin, publishedAt, payload)
        : Decoded.invalid(result.describeErrors(), origin, publishedAt, payload);
  }

  static String origin(ConsumerRecord<?, ?> record) {
    return "kafka:" + record.topic() + "/" + record.partition() + "@" + record.offset();
  }

  @Override
  public TypeInformation<Decoded> getProducedType() {
    return TypeInformation.of(Decoded.class);
  }
}
