package org.sanjeh.survey.invite;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.sanjeh.core.event.DecodeResult;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.warehouse.WarehouseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code ticket-events} and feeds the invitation service; once a second it makes the
 * decisions that are due and commits what is decided.
 *
 * <p>Resolutions wait in memory for their delay (an hour by default), so their offsets are not
 * committed until they are decided: a partition's committed offset is that of its oldest resolution
 * still waiting, or the end of what was read when none waits. A decision counts once it is durable:
 * the invitation sent and recorded, kept on disk for another attempt, or the skip recorded (the
 * records are flushed to ClickHouse before the commit). After a restart the group resumes at the
 * oldest undecided resolution, so none is lost; resolutions after it that were already decided are
 * read again, and the service does not repeat their decisions (it finds them in ClickHouse).
 *
 * <p>The loop does not stop on a failure. While the service accepts no more events (the invitation
 * log's buffer is full after a long ClickHouse outage) the partitions are paused and polling goes
 * on, so the group keeps this consumer and nothing is read that could not be held. Any other
 * exception is logged once, by type and place (never its message: it may quote personal data), the
 * records of the poll not yet taken are read again, and the loop goes on after a back-off (1 s
 * doubling up to 30 s, far below the group's poll interval); nothing is committed that was not
 * decided.
 */
public final class ResolvedTicketsConsumer implements Runnable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ResolvedTicketsConsumer.class);
  public static final String GROUP = "sanjeh-survey";
  private static final long TICK_NANOS = 1_000_000_000L;
  private static final Duration MAX_FAILURE_BACKOFF = Duration.ofSeconds(30);

  private final KafkaConsumer<String, byte[]> consumer;
  private final InvitationService service;
  private final Clock clock;
  private final TicketEventCodec codec = new TicketEventCodec();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicBoolean paused = new AtomicBoolean();

  /** Failures in a row, and what the last one was (type and place), to log each kind once. */
  private int failuresInARow;

  private String lastFailure = "";

  /** Per partition: the waiting resolutions' offsets (→ event id), and the next offset to read. */
  private final Map<TopicPartition, TreeMap<Long, String>> waiting = new HashMap<>();

  private final Map<TopicPartition, Long> readUpTo = new HashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();

  public ResolvedTicketsConsumer(String bootstrapServers, InvitationService service, Clock clock) {
    this(bootstrapServers, GROUP, service, clock);
  }

  ResolvedTicketsConsumer(
      String bootstrapServers, String group, InvitationService service, Clock clock) {
    this.service = service;
    this.clock = clock;
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new ByteArrayDeserializer());
  }

  @Override
  public void run() {
    consumer.subscribe(List.of("ticket-events"), new CommitOnRevoke());
    long lastTick = 0;
    try {
      while (running.get()) {
        try {
          pauseUnlessAccepting();
          takeAll(consumer.poll(Duration.ofMillis(500)));
          if (System.nanoTime() - lastTick > TICK_NANOS) {
            tick();
            commitDecided();
            lastTick = System.nanoTime();
          }
          recovered();
        } catch (WakeupException stopping) {
          throw stopping;
        } catch (RuntimeException e) {
          failed(e);
        }
      }
    } catch (WakeupException | InterruptedException stopping) {
      // close() was called
    } finally {
      try {
        commitDecided();
      } catch (WakeupException pendingWakeup) {
        commitDecided(); // the wakeup of close() was still pending; it is used up now
      } finally {
        consumer.close(Duration.ofSeconds(5));
      }
    }
  }

  /** Back-pressure: no new records while the service cannot hold them; polling goes on. */
  private void pauseUnlessAccepting() {
    if (!service.accepting()) {
      if (!paused.getAndSet(true)) {
        LOG.warn(
            "invitation records cannot be stored yet (ClickHouse down?); reading ticket events"
                + " paused until they are");
      }
      consumer.pause(consumer.assignment());
    } else if (paused.getAndSet(false)) {
      consumer.resume(consumer.paused());
      LOG.info("invitation records are stored again; reading ticket events resumed");
    }
  }

  private void tick() {
    int sent = service.tick(clock.instant());
    if (sent > 0) {
      LOG.info(
          "sent {} survey invitations ({} in all, {} skipped)",
          sent,
          service.invited(),
          service.skipped());
    }
  }

  /**
   * Takes every record of the poll; if one fails, it and the records after it in each partition are
   * read again by the next poll, so none is passed over.
   */
  private void takeAll(ConsumerRecords<String, byte[]> records) {
    List<TopicPartition> partitions = List.copyOf(records.partitions());
    for (int p = 0; p < partitions.size(); p++) {
      List<ConsumerRecord<String, byte[]>> inPartition = records.records(partitions.get(p));
      for (int r = 0; r < inPartition.size(); r++) {
        try {
          take(inPartition.get(r));
        } catch (RuntimeException e) {
          consumer.seek(partitions.get(p), inPartition.get(r).offset());
          for (TopicPartition untaken : partitions.subList(p + 1, partitions.size())) {
            consumer.seek(untaken, records.records(untaken).get(0).offset());
          }
          throw e;
        }
      }
    }
  }

  private void recovered() {
    if (failuresInARow > 0) {
      LOG.info("survey invitations go on after {} failure(s)", failuresInARow);
      failuresInARow = 0;
      lastFailure = "";
    }
  }

  /** Logs a failure of a new kind (type and place only), then waits before the next round. */
  private void failed(RuntimeException e) throws InterruptedException {
    failures.incrementAndGet();
    failuresInARow++;
    String kind = e.getClass().getName() + " at " + place(e);
    if (!kind.equals(lastFailure)) {
      LOG.error(
          "survey invitations failed ({}: {}); retried with back-off, nothing undecided is"
              + " committed",
          kind,
          safeMessage(e));
      lastFailure = kind;
    }
    long until = System.nanoTime() + failureBackoff(failuresInARow).toNanos();
    while (running.get() && System.nanoTime() < until) {
      Thread.sleep(50); // in slices, so close() does not wait for the back-off
    }
  }

  /**
   * A file-system failure's message names the folder to fix and no customer; any other message may
   * quote personal data (an address, a message text) and is left out.
   */
  private static String safeMessage(RuntimeException e) {
    return e instanceof java.io.UncheckedIOException
        ? e.getMessage()
        : "message left out, it may quote personal data; the type and place show where";
  }

  private static String place(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    return trace.length == 0 ? "unknown place" : trace[0].toString();
  }

  /** 1 s, doubling, at most {@link #MAX_FAILURE_BACKOFF}. */
  static Duration failureBackoff(int failuresInARow) {
    long seconds = 1L << Math.min(10, Math.max(0, failuresInARow - 1));
    Duration wait = Duration.ofSeconds(seconds);
    return wait.compareTo(MAX_FAILURE_BACKOFF) > 0 ? MAX_FAILURE_BACKOFF : wait;
  }

  private void take(ConsumerRecord<String, byte[]> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    DecodeResult decoded = codec.decode(record.value());
    if (decoded.isValid()) {
      if (service.onEvent(decoded.event())) {
        waiting
            .computeIfAbsent(partition, p -> new TreeMap<>())
            .put(record.offset(), decoded.event().eventId());
      }
    } else {
      // The intake validated this topic; a bad record here means another writer. Skip it,
      // say where it is so it can be inspected, and keep the stream moving.
      LOG.warn(
          "skipped undecodable record at {}-{} offset {}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          decoded.describeErrors());
      skipped.incrementAndGet();
    }
    readUpTo.put(partition, record.offset() + 1);
  }

  /** Commits, per partition, up to its oldest resolution still waiting for its decision. */
  private void commitDecided() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (Map.Entry<TopicPartition, Long> read : readUpTo.entrySet()) {
      long decidedUpTo = decidedUpTo(read.getKey(), read.getValue());
      if (!Long.valueOf(decidedUpTo).equals(committed.get(read.getKey()))) {
        offsets.put(read.getKey(), new OffsetAndMetadata(decidedUpTo));
      }
    }
    if (offsets.isEmpty()) {
      return;
    }
    try {
      service.flushRecords();
      consumer.commitSync(offsets);
      offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
      commits.incrementAndGet();
    } catch (WarehouseException clickHouseDown) {
      // The records wait in the writer; the offsets stay behind them until ClickHouse has them.
      LOG.debug("offsets not committed yet: {}", clickHouseDown.getMessage());
    } catch (WakeupException stopping) {
      throw stopping;
    } catch (KafkaException e) {
      LOG.warn("offsets not committed yet, will try again: {}", e.getMessage());
    }
  }

  private long decidedUpTo(TopicPartition partition, long readUpToOffset) {
    TreeMap<Long, String> offsets = waiting.get(partition);
    while (offsets != null && !offsets.isEmpty()) {
      Map.Entry<Long, String> oldest = offsets.firstEntry();
      if (service.awaits(oldest.getValue())) {
        return oldest.getKey();
      }
      offsets.pollFirstEntry();
    }
    return readUpToOffset;
  }

  /** Records on the topic that were not valid ticket events (logged and passed over). */
  public long undecodable() {
    return skipped.get();
  }

  /** Failures the loop survived. */
  long failures() {
    return failures.get();
  }

  /** Whether reading is paused because the service cannot hold more. */
  boolean paused() {
    return paused.get();
  }

  /** Successful offset commits so far. */
  long commits() {
    return commits.get();
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
  }

  /**
   * Before partitions move to another consumer, what is decided is committed; the resolutions of
   * theirs still waiting here are then read again by the new owner.
   */
  private final class CommitOnRevoke implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      commitDecided();
      partitions.forEach(
          p -> {
            waiting.remove(p);
            readUpTo.remove(p);
            committed.remove(p);
          });
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
  }
}
