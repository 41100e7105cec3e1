package org.sanjeh.ingestion.loader;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
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
 * records are read again, never skipped; the tables collapse the duplicates by event id.
 *
 * <p>While ClickHouse is down the loader pauses its partitions and keeps calling {@code poll}: it
 * reads nothing new, but stays a live member of its consumer group however long the outage lasts (a
 * consumer that stops polling for {@code max.poll.interval.ms} is thrown out of the group, and its
 * next commit fails). It retries the flush with backoff and resumes once the rows are stored.
 */
public final class WarehouseLoader implements Runnable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WarehouseLoader.class);
  private static final Duration FLUSH_EVERY = Duration.ofSeconds(1);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final int MAX_POLL_RECORDS = 20_000;

  private final KafkaConsumer<String, byte[]> consumer;
  private final EventWriter writer;
  private final Clock clock;
  private final TicketEventCodec codec = new TicketEventCodec();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private volatile long recordsLoaded;
  private volatile boolean paused;
  private long pending;
  private Duration backoff = FIRST_BACKOFF;
  private long nextFlushNanos = System.nanoTime();

  public WarehouseLoader(String bootstrapServers, String groupId, EventWriter writer, Clock clock) {
    this(bootstrapServers, groupId, writer, clock, Map.of());
  }

  /**
   * @param consumerOverrides consumer settings that replace the defaults (tests shorten {@code
   *     max.poll.interval.ms}); auto-commit stays off whatever they say
   */
  public WarehouseLoader(
      String bootstrapServers,
      String groupId,
      EventWriter writer,
      Clock clock,
      Map<String, Object> consumerOverrides) {
    this.writer = writer;
    this.clock = clock;
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
    // Longer than the warehouse's socket timeout (5 minutes): one flush to a ClickHouse that hangs
    // rather than refuses blocks the loop that long, and must not cost the group membership.
    config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 30 * 60_000);
    config.putAll(consumerOverrides);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }

  @Override
  public void run() {
    consumer.subscribe(List.of(Topics.TICKET_EVENTS, Topics.DEAD_LETTERS), new Rebalance());
    try {
      while (running.get()) {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        boolean loadedAll = loadAll(records);
        if (!loadedAll
            || System.nanoTime() >= nextFlushNanos
            || records.count() >= MAX_POLL_RECORDS) {
          flushThenCommit();
        }
      }
      if (!flushThenCommit()) {
        LOG.warn(
            "stopping with rows ClickHouse did not take: they are read again on the next start");
      }
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

  /** Whether the loader is holding its partitions still, waiting for ClickHouse. */
  public boolean paused() {
    return paused;
  }

  /**
   * Buffers the records; false when the writer refused one (its buffer is full while ClickHouse is
   * down). Then every partition is sent back to its first record not buffered, so nothing past it
   * is ever committed: it is read again once ClickHouse takes rows.
   */
  private boolean loadAll(ConsumerRecords<String, byte[]> records) {
    boolean refused = false;
    for (TopicPartition partition : records.partitions()) {
      for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
        if (!refused) {
          try {
            load(record);
            continue;
          } catch (WarehouseException bufferFull) {
            LOG.warn(
                "the writer's buffer is full; later records are read again: {}",
                bufferFull.getMessage());
            refused = true;
          }
        }
        consumer.seek(partition, record.offset());
        break;
      }
    }
    return !refused;
  }

  private void load(ConsumerRecord<String, byte[]> record) {
    if (record.topic().equals(Topics.DEAD_LETTERS)) {
      writer.addDeadLetter(deadLetter(record));
    } else {
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
    pending++;
  }

  /**
   * Stores what is buffered, then commits the positions. On failure pauses the partitions and
   * returns false; the next attempt comes after a backoff, while {@code poll} keeps the group
   * membership alive.
   */
  private boolean flushThenCommit() {
    if (paused && System.nanoTime() < nextFlushNanos) {
      return false;
    }
    try {
      writer.flush();
    } catch (WarehouseException e) {
      holdOn(e);
      return false;
    }
    commit();
    recordsLoaded += pending;
    pending = 0;
    if (paused) {
      LOG.info("ClickHouse takes rows again: reading on");
      consumer.resume(consumer.assignment());
      paused = false;
    }
    backoff = FIRST_BACKOFF;
    nextFlushNanos = System.nanoTime() + FLUSH_EVERY.toNanos();
    return true;
  }

  private void commit() {
    try {
      consumer.commitSync();
    } catch (CommitFailedException | RebalanceInProgressException e) {
      // The rows are stored; the group moved partitions meanwhile, so their new owner reads them
      // again from the last commit and the tables collapse the duplicates. Nothing is lost.
      LOG.info(
          "offsets not committed after a rebalance; the records are read again: {}",
          e.getMessage());
    }
  }

  private void holdOn(WarehouseException e) {
    if (!paused) {
      consumer.pause(consumer.assignment());
      paused = true;
    }
    LOG.warn(
        "ClickHouse write failed; partitions paused, retrying in {} ms: {}",
        backoff.toMillis(),
        e.getMessage());
    nextFlushNanos = System.nanoTime() + backoff.toNanos();
    backoff =
        backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
  }

  /** Keeps the pause across rebalances, and stores what it can before partitions move away. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (!paused) {
        flushThenCommit();
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (paused) {
        consumer.pause(partitions);
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
}
