package org.sanjeh.survey.invite;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.sanjeh.core.event.DecodeResult;
import org.sanjeh.core.event.TicketEventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code ticket-events} and feeds the invitation service; once a second it makes the
 * decisions that are due. Decisions waiting for their delay live in memory: after a restart the
 * consumer group resumes from its committed offsets, so resolutions whose delay had not passed yet
 * are read again only if they were not committed (at-least-once; invitation ids are new each time,
 * so a crash can repeat an invitation, never lose an answer).
 */
public final class ResolvedTicketsConsumer implements Runnable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ResolvedTicketsConsumer.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final InvitationService service;
  private final Clock clock;
  private final TicketEventCodec codec = new TicketEventCodec();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong skipped = new AtomicLong();

  public ResolvedTicketsConsumer(String bootstrapServers, InvitationService service, Clock clock) {
    this.service = service;
    this.clock = clock;
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "sanjeh-survey",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
  }

  @Override
  public void run() {
    consumer.subscribe(List.of("ticket-events"));
    long lastTick = 0;
    try {
      while (running.get()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          DecodeResult decoded = codec.decode(record.value());
          if (decoded.isValid()) {
            service.onEvent(decoded.event());
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
        }
        if (System.nanoTime() - lastTick > 1_000_000_000L) {
          int sent = service.tick(clock.instant());
          if (sent > 0) {
            LOG.info(
                "sent {} survey invitations ({} in all, {} skipped)",
                sent,
                service.invited(),
                service.skipped());
          }
          lastTick = System.nanoTime();
        }
      }
    } catch (WakeupException stopping) {
      // close() was called
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Records on the topic that were not valid ticket events (logged and passed over). */
  public long undecodable() {
    return skipped.get();
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
  }
}
