package org.sanjeh.ingestion.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The intake API's settings ({@code sanjeh.intake.*}).
 *
 * @param kafkaBootstrapServers where events go
 * @param kafkaTopicPartitions partitions of {@code ticket-events} when the service creates it (the
 *     replication factor and {@code min.insync.replicas} come from {@code
 *     SANJEH_KAFKA_REPLICATION_FACTOR} and {@code SANJEH_KAFKA_MIN_INSYNC_REPLICAS}, shared by
 *     every process that creates topics)
 * @param kafkaAckTimeout how long a request waits for Kafka's acknowledgement before it answers 503
 *     and asks the client to retry
 * @param maxRequestBytes largest request body accepted (413 above)
 * @param maxBatchLines most events in one NDJSON batch (413 above)
 * @param maxEventBodyBytes largest message body in one event (the event is rejected above)
 * @param apiKeys {@code source:sha256-of-key} pairs: each source sends with its own key in {@code
 *     X-Api-Key}; only hashes are configured (from {@code SANJEH_INTAKE_APIKEYS})
 * @param recentEventIds how many accepted event ids are remembered to answer resends as duplicates
 */
@Validated
@ConfigurationProperties("sanjeh.intake")
public record IntakeProperties(
    @NotBlank @DefaultValue("127.0.0.1:19092") String kafkaBootstrapServers,
    @Positive @DefaultValue("4") int kafkaTopicPartitions,
    @NotNull @DefaultValue("10s") Duration kafkaAckTimeout,
    @Positive @DefaultValue("16777216") int maxRequestBytes,
    @Positive @DefaultValue("10000") int maxBatchLines,
    @Positive @DefaultValue("65536") int maxEventBodyBytes,
    @DefaultValue List<String> apiKeys,
    @Positive @DefaultValue("200000") int recentEventIds) {}
