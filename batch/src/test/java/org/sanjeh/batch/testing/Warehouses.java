package org.sanjeh.batch.testing;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import org.sanjeh.warehouse.write.BatchedWriter;
import org.sanjeh.warehouse.write.EventWriter;

/** Loads test events into the real ClickHouse, as ingestion would. */
public final class Warehouses {

  private Warehouses() {}

  public static void store(Warehouse warehouse, List<List<TicketEvent>> tickets) {
    try (EventWriter writer =
        new EventWriter(
            warehouse,
            new BatchedWriter.Settings(100_000, java.time.Duration.ZERO, 1_000_000),
            ZoneId.of("UTC"),
            Clock.system(ZoneOffset.UTC))) {
      tickets.forEach(events -> events.forEach(writer::add));
    }
  }

  /** {@code command} (one or more words) with the options that point it at the test database. */
  public static String[] command(Warehouse warehouse, String... words) {
    return concat(words, target(warehouse));
  }

  private static String[] target(Warehouse warehouse) {
    return new String[] {
      "--master=local[2]",
      "--shuffle-partitions=2",
      "--read-slices=3",
      "--clickhouse-http-port=" + warehouse.config().httpPort(),
      "--clickhouse-database=" + warehouse.config().database(),
      "--clickhouse-password-file=" + ClickHouseExtension.runningServer().home().resolve("password")
    };
  }

  public static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
