package org.sanjeh.dashboards.viewer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sanjeh.dashboards.query.DatasetSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the viewer's dataset snapshots in the background: at start, then each time a dataset's
 * {@code snapshot_every} has passed (checked every {@code tick}). While ClickHouse is down a
 * refresh fails, the charts keep their last snapshot (or run the SQL before the first) and it is
 * tried again at the next tick; the failure is logged once, not at every tick, and its end too.
 */
final class SnapshotRefresher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotRefresher.class);

  private final DatasetSnapshots snapshots;
  private final Duration tick;
  private final boolean enabled;
  private final ScheduledExecutorService executor;
  private String lastFailure;

  SnapshotRefresher(DatasetSnapshots snapshots, Duration tick, boolean enabled) {
    this.snapshots = snapshots;
    this.tick = tick;
    this.enabled = enabled;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "dataset-snapshots");
              thread.setDaemon(true);
              return thread;
            });
  }

  void start() {
    if (enabled && !snapshots.datasets().isEmpty()) {
      executor.scheduleWithFixedDelay(this::refreshDue, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void refreshDue() {
    try {
      List<String> refreshed = snapshots.refreshDue();
      if (lastFailure != null) {
        LOG.info("dataset snapshots refresh again");
        lastFailure = null;
      }
      for (String id : refreshed) {
        snapshots
            .taken(id)
            .ifPresent(
                taken ->
                    LOG.debug(
                        "snapshot of {}: {} rows in {} ms",
                        id,
                        taken.rows(),
                        taken.took().toMillis()));
      }
    } catch (RuntimeException e) {
      String failure = String.valueOf(e.getMessage());
      if (!failure.equals(lastFailure)) {
        LOG.warn(
            "a dataset snapshot could not be refreshed (its charts keep the last one; retrying"
                + " every {} s): {}",
            tick.toSeconds(),
            failure);
        lastFailure = failure;
      }
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
