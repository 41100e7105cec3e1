package org.sanjeh.dashboards.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sanjeh.dashboards.definition.Dataset;
import org.sanjeh.dashboards.definition.Definitions;
import org.sanjeh.warehouse.Warehouse;

/**
 * Snapshots of the datasets that declare {@code snapshot_every}: each one's SQL run in full into a
 * table of its own, which the charts and their drill-downs then read with their filters, as a
 * refreshable materialized view does (ClickHouse 18.16 has none). For the datasets that join
 * surveys, batch scores and every ticket: at 10M events their SQL takes a second or more, the
 * snapshot table answers in tens of milliseconds (docs/benchmarks.md), and their sources change by
 * answers and batch runs, not by the second.
 *
 * <p>A refresh builds {@code dashboard_snapshot_<dataset>_next}, then renames it into place in one
 * RENAME, so a query reads the old rows or the new ones, never a half-built table. It is skipped
 * while the source tables' parts on this server are unchanged since the last one (not on a cluster,
 * whose Distributed tables keep no parts here: there every period refreshes). Until this process
 * has refreshed a dataset once, {@link #snapshotOf} has no table for it and its charts run the SQL:
 * rows left by an earlier run may have been taken under another time zone.
 *
 * <p>One viewer per database refreshes its snapshots (two would rebuild the same tables).
 */
public final class DatasetSnapshots implements SnapshotTables {

  /** The prefix of every snapshot table (never a table of the migrations). */
  public static final String TABLE_PREFIX = "dashboard_snapshot_";

  /** The sources' state when it cannot be read from this server's parts. */
  static final String UNKNOWN = "unknown";

  private final Warehouse warehouse;
  private final List<Dataset> datasets;
  private final ZoneId zone;
  private final Clock clock;
  private final Map<String, Taken> taken = new ConcurrentHashMap<>();

  /** What the last refresh of a dataset left: its table, when it began, what its sources were. */
  public record Taken(String table, Instant asOf, String sourcesSeen, Duration took, long rows) {}

  public DatasetSnapshots(Warehouse warehouse, Definitions definitions, ZoneId zone, Clock clock) {
    this.warehouse = warehouse;
    this.datasets =
        definitions.datasets().values().stream()
            .filter(dataset -> dataset.snapshotEvery().isPresent())
            .sorted((a, b) -> a.id().compareTo(b.id()))
            .toList();
    this.zone = zone;
    this.clock = clock;
  }

  /** The datasets read from snapshots, by id. */
  public List<Dataset> datasets() {
    return datasets;
  }

  @Override
  public Optional<Snapshot> snapshotOf(String datasetId) {
    return Optional.ofNullable(taken.get(datasetId))
        .map(last -> new Snapshot(last.table(), last.asOf()));
  }

  /** When the rows a dataset's charts read now were taken, if they come from a snapshot. */
  public Optional<Taken> taken(String datasetId) {
    return Optional.ofNullable(taken.get(datasetId));
  }

  /**
   * Refreshes every snapshot whose period has passed since it was last taken and whose sources have
   * changed since; returns the ids refreshed. A dataset that fails is left as it was (its charts
   * keep the previous snapshot, or run the SQL) and the first failure is thrown after the others
   * were tried.
   */
  public List<String> refreshDue() {
    List<String> refreshed = new ArrayList<>();
    RuntimeException failure = null;
    for (Dataset dataset : datasets) {
      Taken last = taken.get(dataset.id());
      if (last != null
          && clock.instant().isBefore(last.asOf().plus(dataset.snapshotEvery().orElseThrow()))) {
        continue;
      }
      try {
        if (refreshIfChanged(dataset)) {
          refreshed.add(dataset.id());
        }
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return Collections.unmodifiableList(refreshed);
  }

  /** Takes the dataset's snapshot now unless its sources are as they were at the last one. */
  public boolean refreshIfChanged(Dataset dataset) {
    String sources = sourcesNow(dataset);
    Taken last = taken.get(dataset.id());
    if (last != null && !sources.equals(UNKNOWN) && last.sourcesSeen().equals(sources)) {
      // nothing new to read: the rows stay, and the period counts again from now
      taken.put(
          dataset.id(),
          new Taken(last.table(), clock.instant(), sources, last.took(), last.rows()));
      return false;
    }
    refresh(dataset, sources);
    return true;
  }

  /** Takes the dataset's snapshot now, whatever its sources. */
  public Taken refresh(Dataset dataset) {
    return refresh(dataset, sourcesNow(dataset));
  }

  private Taken refresh(Dataset dataset, String sourcesSeen) {
    Instant began = clock.instant();
    long start = System.nanoTime();
    String table = tableName(dataset);
    for (String statement : refreshStatements(dataset, zone, tableExists(table))) {
      warehouse.execute(statement);
    }
    long rows = warehouse.queryLong("SELECT count() FROM " + table);
    Taken now =
        new Taken(table, began, sourcesSeen, Duration.ofNanos(System.nanoTime() - start), rows);
    taken.put(dataset.id(), now);
    return now;
  }

  /** The snapshot table of a dataset. */
  public static String tableName(Dataset dataset) {
    return TABLE_PREFIX + dataset.id();
  }

  /**
   * What a refresh runs: the dataset's rows into {@code _next}, then one RENAME putting it in place
   * of the current table ({@code exists}) and the old rows dropped.
   */
  public static List<String> refreshStatements(Dataset dataset, ZoneId zone, boolean exists) {
    String table = tableName(dataset);
    String next = table + "_next";
    String old = table + "_old";
    List<String> statements = new ArrayList<>();
    statements.add("DROP TABLE IF EXISTS " + next);
    // ORDER BY the local day: every chart filters on it, so a range reads only its granules
    statements.add(
        "CREATE TABLE "
            + next
            + " ENGINE = MergeTree ORDER BY "
            + dataset.timeColumn().name()
            + " AS SELECT * FROM (\n"
            + dataset.sql(zone)
            + "\n) AS d");
    statements.add("DROP TABLE IF EXISTS " + old);
    if (exists) {
      statements.add("RENAME TABLE " + table + " TO " + old + ", " + next + " TO " + table);
      statements.add("DROP TABLE " + old);
    } else {
      statements.add("RENAME TABLE " + next + " TO " + table);
    }
    return statements;
  }

  /**
   * The state of the dataset's source tables' data parts: any insert, merge or truncation changes
   * it. Read before a refresh, so a part written while the snapshot is taken triggers the next one.
   * {@link #UNKNOWN} when a source keeps no parts on this server (a cluster's Distributed table, a
   * view): its changes cannot be seen here, so every period refreshes.
   */
  String sourcesNow(Dataset dataset) {
    List<String> tables = List.copyOf(dataset.sourceTables());
    String marks = String.join(", ", Collections.nCopies(tables.size(), "?"));
    long withParts =
        warehouse
            .query(
                "SELECT count() FROM system.tables WHERE database = currentDatabase()"
                    + " AND engine LIKE '%MergeTree' AND name IN ("
                    + marks
                    + ")",
                tables,
                row -> row.getLong(1))
            .get(0);
    if (withParts < tables.size()) {
      return UNKNOWN;
    }
    return warehouse
        .query(
            "SELECT concat(toString(count()), ':', toString(sum(rows)), ':',"
                + " toString(toUInt32(max(modification_time))))"
                + " FROM system.parts"
                + " WHERE active AND database = currentDatabase() AND table IN ("
                + marks
                + ")",
            tables,
            row -> row.getString(1))
        .get(0);
  }

  private boolean tableExists(String table) {
    return warehouse
            .query(
                "SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = ?",
                List.of(table),
                row -> row.getLong(1))
            .get(0)
        > 0;
  }
}
