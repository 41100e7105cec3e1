package org.sanjeh.devtools;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.testbed.SyntheticEvents;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.write.BatchedWriter;
import org.sanjeh.warehouse.write.EventWriter;
import org.sanjeh.warehouse.write.TicketEventTables;

/**
 * Loads synthetic events into a scratch database twice: through {@link EventWriter} (RowBinary
 * batches) and through plain JDBC PreparedStatement batches of the same size (the baseline), and
 * prints rows per second for each. Events are generated before the clock starts.
 */
final class WarehouseBench {

  private WarehouseBench() {}

  static int run(Warehouse target, int events, int batchSize) {
    Warehouse bench =
        Warehouse.connect(target.config().withDatabase(target.config().database() + "_bench"));
    System.out.printf("generating %,d synthetic events…%n", events);
    List<TicketEvent> sample = new ArrayList<>(events);
    new SyntheticEvents(42, events, Instant.parse("2026-01-01T00:00:00Z"), 90)
        .forEachRemaining(sample::add);
    long messages = sample.stream().filter(e -> e.body() != null).count();
    System.out.printf(
        "%,d events (%,d with a message text) into %s, batches of %,d%n",
        events, messages, bench.config().describe(), batchSize);

    double baseline =
        timed(
            "baseline: JDBC PreparedStatement batches",
            bench,
            () -> preparedStatements(bench, sample, batchSize));
    double writer =
        timed("EventWriter: RowBinary batches", bench, () -> eventWriter(bench, sample, batchSize));
    System.out.printf("EventWriter / baseline: %.2fx%n", writer / baseline);
    bench.execute("DROP DATABASE IF EXISTS " + bench.config().database());
    return 0;
  }

  private static double timed(String name, Warehouse bench, Runnable load) {
    resetSchema(bench);
    long start = System.nanoTime();
    load.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    long events = bench.queryLong("SELECT count() FROM ticket_events");
    long rows = events + bench.queryLong("SELECT count() FROM ticket_messages");
    System.out.printf(
        "%-42s %,d events in %5.2f s = %,8.0f events/s (%,9.0f rows/s over both tables)%n",
        name, events, seconds, events / seconds, rows / seconds);
    return events / seconds;
  }

  private static void eventWriter(Warehouse bench, List<TicketEvent> sample, int batchSize) {
    BatchedWriter.Settings settings =
        new BatchedWriter.Settings(batchSize, java.time.Duration.ZERO, batchSize * 4);
    try (EventWriter writer = new EventWriter(bench, settings, ZoneOffset.UTC, Clock.systemUTC())) {
      sample.forEach(writer::add);
    }
  }

  private static void preparedStatements(Warehouse bench, List<TicketEvent> sample, int batchSize) {
    TicketEventTables tables = new TicketEventTables(ZoneOffset.UTC, Clock.systemUTC());
    List<String> eventColumns = tables.events().columns();
    List<String> messageColumns = tables.messages().columns();
    for (int from = 0; from < sample.size(); from += batchSize) {
      List<TicketEvent> batch = sample.subList(from, Math.min(sample.size(), from + batchSize));
      List<TicketEvent> withText = batch.stream().filter(e -> e.body() != null).toList();
      bench.insertPrepared(
          "ticket_events", eventColumns, batch.size(), (i, s, c) -> bindEvent(batch.get(i), s, c));
      bench.insertPrepared(
          "ticket_messages",
          messageColumns,
          withText.size(),
          (i, s, c) -> bindMessage(withText.get(i), s));
    }
  }

  private static int bindKey(TicketEvent e, PreparedStatement s) throws SQLException {
    s.setString(1, e.eventId());
    s.setString(2, e.ticketId());
    s.setObject(3, utcSeconds(e.occurredAt()));
    s.setInt(4, e.occurredAt().getNano() / 1_000_000);
    s.setObject(5, LocalDate.ofInstant(e.occurredAt(), ZoneOffset.UTC));
    s.setString(6, e.type().wire());
    return 7;
  }

  private static void bindEvent(TicketEvent e, PreparedStatement s, java.sql.Connection c)
      throws SQLException {
    int i = bindKey(e, s);
    s.setString(i++, e.channel().wire());
    s.setString(i++, e.authorRole().wire());
    for (String text :
        new String[] {
          e.authorId(),
          e.customerId(),
          e.agentId(),
          e.team(),
          e.priority() == null ? "" : e.priority().wire(),
          e.status() == null ? "" : e.status().wire(),
          e.customerTier(),
          e.language()
        }) {
      s.setString(i++, text == null ? "" : text);
    }
    s.setArray(i++, c.createArrayOf("String", e.tags().toArray()));
    s.setString(i++, e.sourceSystem() == null ? "" : e.sourceSystem());
    s.setString(i++, "");
    s.setString(i++, "");
    s.setInt(i++, e.body() != null ? 1 : 0);
    s.setObject(i++, utcSeconds(Instant.now()));
    s.setLong(i, System.currentTimeMillis());
  }

  private static void bindMessage(TicketEvent e, PreparedStatement s) throws SQLException {
    int i = bindKey(e, s);
    s.setString(i++, e.authorRole().wire());
    s.setString(i++, e.language() == null ? "" : e.language());
    s.setString(i++, e.subject() == null ? "" : e.subject());
    s.setString(i++, e.body());
    s.setLong(i, System.currentTimeMillis());
  }

  /**
   * The driver writes a Timestamp's nanoseconds, which DateTime refuses; whole seconds it takes.
   */
  private static LocalDateTime utcSeconds(Instant at) {
    return LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
  }

  private static void resetSchema(Warehouse bench) {
    for (String table :
        List.of("ticket_events", "ticket_messages", "dead_letters", "schema_migrations")) {
      bench.execute("DROP TABLE IF EXISTS " + table);
    }
    new MigrationRunner(bench).migrate(Migrations.sanjehSchema());
  }
}
