package org.sanjeh.survey.response;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.sanjeh.kafka.KafkaProducers;
import org.sanjeh.kafka.KafkaTopics;
import org.sanjeh.kafka.TopicDurability;

/**
 * Publishes answers for live use: every answer on {@code survey-responses}, detractors also on
 * {@code survey-alerts} (the closed loop), keyed by invitation id, as JSON. Part of the spool's
 * drain: the answers leave the spool only once Kafka acknowledged them (acks=all). A retried drain
 * can publish an answer twice; consumers key on invitation id and answered_at. Nothing here needs
 * the broker before the first drain: a service started while Kafka is down takes answers into its
 * spool, and the topics are created when Kafka first answers.
 */
public final class AnswerPublisher implements ResponseSpool.Store, AutoCloseable {

  public static final String RESPONSES = "survey-responses";
  public static final String ALERTS = "survey-alerts";

  private final String bootstrapServers;
  private final KafkaProducer<String, byte[]> producer;
  private volatile boolean topicsCreated;

  public AnswerPublisher(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    this.producer =
        KafkaProducers.durable(
            bootstrapServers,
            Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                20_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                30_000));
  }

  @Override
  public void store(List<SurveyResponse> responses) {
    if (!topicsCreated) {
      createTopics(bootstrapServers);
      topicsCreated = true;
    }
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    for (SurveyResponse response : responses) {
      byte[] json = ResponseSpool.encode(response).getBytes(StandardCharsets.UTF_8);
      sends.add(producer.send(new ProducerRecord<>(RESPONSES, response.invitationId(), json)));
      if (ResponseStore.detractor(response)) {
        sends.add(producer.send(new ProducerRecord<>(ALERTS, response.invitationId(), json)));
      }
    }
    for (Future<RecordMetadata> send : sends) {
      try {
        send.get(30, TimeUnit.SECONDS);
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException(
            "Kafka did not acknowledge the answers; they stay spooled: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(
            "interrupted while publishing answers; they stay spooled", e);
      }
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }

  private static void createTopics(String bootstrapServers) {
    try {
      KafkaTopics.ensure(
          bootstrapServers, TopicDurability.configured(), Map.of(RESPONSES, 1, ALERTS, 1));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(e.getMessage() + "; the answers stay spooled", e);
    }
  }
}
