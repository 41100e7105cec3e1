package org.sanjeh.survey.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.ingestion.kafka.TestKafka;
import org.sanjeh.testbed.LocalKafka;

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

  @Test
  void aPublisherMadeWhileKafkaIsDownPublishesOnceTheBrokerIsUp() throws Exception {
    int port = freePort();
    AnswerPublisher publisher = new AnswerPublisher("127.0.0.1:" + port); // nothing listens yet
    LocalKafka broker =
        LocalKafka.start(
            java.nio.file.Files.createTempDirectory("sanjeh-kafka-late-"), port, freePort());
    try (publisher) {
      Instant at = Instant.parse("2026-05-08T10:00:00Z");
      publisher.store(
          List.of(new SurveyResponse("inv-late", SurveyKind.CES, 6, "", List.of(), at, at)));

      assertThat(read(broker, AnswerPublisher.RESPONSES, 1))
          .extracting(ConsumerRecord::key)
          .containsExactly("inv-late");
    } finally {
      TestKafka.stopAndDelete(broker);
    }
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static List<ConsumerRecord<String, byte[]>> read(
      LocalKafka broker, String topic, int expected) {
    return TestKafka.read(broker.bootstrapServers(), topic, expected, record -> true);
  }
}
