package org.sanjeh.dashboards.query;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a chart's query reads a dataset from instead of running its SQL: the snapshot table the
 * viewer last refreshed ({@link DatasetSnapshots}), holding every row of the dataset's SQL.
 */
@FunctionalInterface
public interface SnapshotTables {

  /** No snapshots: every query runs its dataset's SQL. */
  SnapshotTables NONE = datasetId -> Optional.empty();

  /** The snapshot holding the dataset's rows now, if there is one to read. */
  Optional<Snapshot> snapshotOf(String datasetId);

  /** The table holding the dataset's rows now, if there is one to read. */
  default Optional<String> tableOf(String datasetId) {
    return snapshotOf(datasetId).map(Snapshot::table);
  }

  /** A snapshot table, and the moment its rows were last known to match the dataset's sources. */
  record Snapshot(String table, Instant takenAt) {}
}
