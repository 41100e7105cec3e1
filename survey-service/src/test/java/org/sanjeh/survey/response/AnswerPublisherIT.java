package org.sanjeh.survey.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.ingestion.kafka.LocalKafka;

/** Answers and detractor alerts on a real Kafka broker. */
class AnswerPublisherIT {

  @Test
  void everyAnswerIsPublishedAndDetractorsAlsoRaiseAnAlert() throws Exception {
    LocalKafka broker = LocalKafka.start(Files.createTempDirectory("sanjeh-kafka-survey-"), 0, 0);
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
    } finally {
      broker.stop();
      deleteQuietly(broker.home());
    }
  }

  private static List<ConsumerRecord<String, byte[]>> read(
      LocalKafka broker, String topic, int expected) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (found.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(found::add);
      }
    }
    return found;
  }

  private static void deleteQuietly(Path home) {
    try (var files = Files.walk(home)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException ignored) {
      // a temporary folder
    }
  }
}
