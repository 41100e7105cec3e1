package org.sanjeh.devtools;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.ingestion.kafka.EventPublisher;
import org.sanjeh.ingestion.kafka.Topics;
import org.sanjeh.testbed.SyntheticEvents;

/**
 * {@code ./sanjeh generate --tickets N --days D}: realistic ticket lifecycles (channels,
 * priorities, working-hours arrivals, bot hand-offs, replies, pending and on-hold pauses, notes,
 * reopens, English and Persian texts) as NDJSON into {@code --out FILE}, or onto Kafka with {@code
 * --to kafka}. The same {@code --seed} gives the same events.
 */
public final class Generator {

  private final String bootstrap;

  /**
   * @param bootstrap the Kafka that {@code --to kafka} publishes to
   */
  public Generator(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /**
   * Generates {@code tickets} lifecycles over the last {@code days}; onto Kafka when {@code out} is
   * null, else into that file.
   */
  public int run(long tickets, int days, long seed, Path out) throws IOException {
    Instant start = Instant.now().minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.DAYS);
    // Lifecycles of the last days run past today: what would happen after now is left out, so
    // those tickets are open now, as in a live help desk, and event time never runs ahead.
    Instant now = Instant.now();
    Iterator<TicketEvent> events =
        untilNow(SyntheticEvents.ofTickets(seed, tickets, start, days), now);
    if (out == null) {
      return toKafka(events, tickets);
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    TicketEventCodec codec = new TicketEventCodec();
    long count = 0;
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
      while (events.hasNext()) {
        file.write(codec.encodeBytes(events.next()));
        file.write('\n');
        count++;
      }
    }
    System.out.printf(
        "wrote %,d events of %,d tickets over %d days to %s%n", count, tickets, days, out);
    return 0;
  }

  /** The events up to {@code now}: they come in time order, so the first later one ends it. */
  private static Iterator<TicketEvent> untilNow(Iterator<TicketEvent> events, Instant now) {
    return new Iterator<>() {
      private TicketEvent next = advance();

      private TicketEvent advance() {
        TicketEvent event = events.hasNext() ? events.next() : null;
        return event == null || event.occurredAt().isAfter(now) ? null : event;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public TicketEvent next() {
        if (next == null) {
          throw new java.util.NoSuchElementException();
        }
        TicketEvent current = next;
        next = advance();
        return current;
      }
    };
  }

  private int toKafka(Iterator<TicketEvent> events, long tickets) {
    Topics.ensure(bootstrap, 4);
    long count = 0;
    List<CompletableFuture<Void>> sends = new ArrayList<>();
    try (EventPublisher publisher = new EventPublisher(bootstrap, Duration.ofSeconds(30))) {
      while (events.hasNext()) {
        TicketEvent event = events.next();
        sends.add(publisher.publish(event, "generator"));
        count++;
        if (sends.size() >= 10_000) {
          CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
          sends.clear();
        }
      }
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    }
    System.out.printf("sent %,d events of %,d tickets to Kafka at %s%n", count, tickets, bootstrap);
    return 0;
  }
}
