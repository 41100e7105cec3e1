package org.sanjeh.warehouse.write;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.warehouse.Warehouse;

/**
 * Writes ticket events (with their message texts) and dead letters to the warehouse. An event the
 * warehouse cannot store becomes a dead letter with the reason; so does any input a caller could
 * not decode ({@link #addDeadLetter}).
 */
public final class EventWriter implements AutoCloseable {

  private static final TicketEventCodec CODEC = new TicketEventCodec();

  private final BatchedWriter<TicketEvent> events;
  private final BatchedWriter<DeadLetter> deadLetters;

  public EventWriter(
      Warehouse warehouse, BatchedWriter.Settings settings, ZoneId businessZone, Clock clock) {
    TicketEventTables tables = new TicketEventTables(businessZone, clock);
    this.deadLetters =
        new BatchedWriter<>(
            warehouse,
            List.of(DeadLetter.TABLE),
            letter -> Optional.empty(),
            (letter, reason) -> {
              throw new IllegalStateException("dead letters are never rejected");
            },
            settings);
    this.events =
        new BatchedWriter<>(
            warehouse,
            List.of(tables.events(), tables.messages()),
            TicketEventTables::storageProblem,
            (event, reason) ->
                deadLetters.add(
                    new DeadLetter(
                        clock.instant(),
                        "warehouse:" + nullToEmpty(event.sourceSystem()),
                        0,
                        CODEC.encodeBytes(event),
                        reason)),
            settings);
  }

  /** Buffers an event; false if it cannot be stored and went to the dead letters instead. */
  public boolean add(TicketEvent event) {
    return events.add(event);
  }

  public void addDeadLetter(DeadLetter letter) {
    deadLetters.add(letter);
  }

  /** Writes everything buffered; returns once it is stored. */
  public void flush() {
    events.flush();
    deadLetters.flush();
  }

  public long eventsWritten() {
    return events.rowsWritten();
  }

  public long eventsRejected() {
    return events.rowsRejected();
  }

  public long deadLettersWritten() {
    return deadLetters.rowsWritten();
  }

  public long inserts() {
    return events.inserts() + deadLetters.inserts();
  }

  @Override
  public void close() {
    try {
      events.close();
    } finally {
      deadLetters.close();
    }
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
