package org.sanjeh.ingestion.loader;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.sanjeh.core.event.DecodeResult;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.ingestion.kafka.EventPublisher;
import org.sanjeh.ingestion.kafka.Topics;
import org.sanjeh.warehouse.WarehouseException;
import org.sanjeh.warehouse.write.DeadLetter;
import org.sanjeh.warehouse.write.EventWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies {@code ticket-events} and the dead letters from Kafka into ClickHouse. Offsets are
 * committed only after the warehouse writer has flushed, so a crash or a ClickHouse outage means
 * records are read again, never skipped; the tables collapse the duplicates by event id. While
 * ClickHouse is down it stops reading and retries the flush with backoff.
 */
public final class WarehouseLoader implements Runnable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WarehouseLoader.class);
  private static final Duration FLUSH_EVERY = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final KafkaConsumer<String, byte[]> consumer;
  private final EventWriter writer;
  private final Clock clock;
  private final TicketEventCodec codec = new TicketEventCodec();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private volatile long recordsLoaded;

  public WarehouseLoader(String bootstrapServers, String groupId, EventWriter writer, Clock clock) {
    this.writer = writer;
    this.clock = clock;
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                20_000,
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                30 * 60_000),
            new StringDeserializer(),
            new ByteArrayDeserializer());
  }

  @Override
  public void run() {
    consumer.subscribe(List.of(Topics.TICKET_EVENTS, Topics.DEAD_LETTERS));
    long lastFlush = System.nanoTime();
    try {
      while (running.get()) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        records.forEach(this::load);
        if (System.nanoTime() - lastFlush >= FLUSH_EVERY.toNanos() || records.count() >= 20_000) {
          flushThenCommit();
          lastFlush = System.nanoTime();
        }
      }
      flushThenCommit();
    } catch (WakeupException stopping) {
      // close() was called: what was flushed is committed, the rest is read again next time
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Records copied into the warehouse so far (flushed and committed). */
  public long recordsLoaded() {
    return recordsLoaded;
  }

  private long pending;

  private void load(ConsumerRecord<String, byte[]> record) {
    pending++;
    if (record.topic().equals(Topics.DEAD_LETTERS)) {
      writer.addDeadLetter(deadLetter(record));
      return;
    }
    DecodeResult decoded = codec.decode(record.value());
    if (decoded.isValid()) {
      writer.add(decoded.event());
    } else {
      // Only validated events reach this topic; anything else was written around the API.
      writer.addDeadLetter(
          new DeadLetter(
              clock.instant(),
              "kafka:" + record.topic() + "/" + record.partition() + "@" + record.offset(),
              0,
              record.value(),
              decoded.describeErrors()));
    }
  }

  private void flushThenCommit() {
    Duration backoff = Duration.ofMillis(200);
    while (true) {
      try {
        writer.flush();
        consumer.commitSync();
        recordsLoaded += pending;
        pending = 0;
        return;
      } catch (WarehouseException e) {
        if (!running.get()) {
          throw e; // shutting down: nothing committed, the records are read again next time
        }
        LOG.warn(
            "ClickHouse write failed, retrying in {} ms: {}", backoff.toMillis(), e.getMessage());
        sleep(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
  }

  private DeadLetter deadLetter(ConsumerRecord<String, byte[]> record) {
    return new DeadLetter(
        receivedAt(record),
        header(record, EventPublisher.HEADER_SOURCE, "unknown"),
        parseLine(header(record, EventPublisher.HEADER_LINE, "0")),
        record.value() == null ? new byte[0] : record.value(),
        header(record, EventPublisher.HEADER_REASON, "no reason recorded"));
  }

  private Instant receivedAt(ConsumerRecord<String, byte[]> record) {
    try {
      return Instant.parse(header(record, EventPublisher.HEADER_RECEIVED_AT, ""));
    } catch (DateTimeParseException e) {
      return Instant.ofEpochMilli(record.timestamp());
    }
  }

  private static int parseLine(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String header(
      ConsumerRecord<String, byte[]> record, String name, String fallback) {
    Header header = record.headers().lastHeader(name);
    return header == null ? fallback : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
  }

  private void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
    }
  }
}
