package org.sanjeh.survey.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.ingestion.kafka.LocalKafka;
import org.sanjeh.ingestion.kafka.TestKafka;

/** Answers and detractor alerts on a real Kafka broker. */
class AnswerPublisherIT {

  @Test
  void everyAnswerIsPublishedAndDetractorsAlsoRaiseAnAlert() throws Exception {
    LocalKafka broker = TestKafka.shared();
    try (AnswerPublisher publisher = new AnswerPublisher(broker.bootstrapServers())) {
      Instant at = Instant.parse("2026-05-08T10:00:00Z");
      publisher.store(
          List.of(
              new SurveyResponse(
                  "inv-unhappy", SurveyKind.NPS, 2, "too slow", List.of("speed"), at, at),
              new SurveyResponse("inv-happy", SurveyKind.CSAT, 5, "", List.of(), at, at)));

      assertThat(read(broker, AnswerPublisher.RESPONSES, 2))
          .extracting(ConsumerRecord::key)
          .containsExactly("inv-unhappy", "inv-happy");
      List<ConsumerRecord<String, byte[]>> alerts = read(broker, AnswerPublisher.ALERTS, 1);
      assertThat(alerts).extracting(ConsumerRecord::key).containsExactly("inv-unhappy");
      assertThat(new String(alerts.get(0).value(), StandardCharsets.UTF_8))
          .contains("\"score\":2")
          .contains("too slow");
    }
  }

  private static List<ConsumerRecord<String, byte[]>> read(
      LocalKafka broker, String topic, int expected) {
    return TestKafka.read(broker.bootstrapServers(), topic, expected, record -> true);
  }
}
