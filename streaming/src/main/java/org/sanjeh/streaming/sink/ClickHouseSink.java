package org.sanjeh.streaming.sink;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.WarehouseException;
import org.sanjeh.warehouse.write.BatchedWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a stream into ClickHouse tables in large RowBinary inserts (a batch when it is full or a
 * second old), through the warehouse module's {@link BatchedWriter}.
 *
 * <p>Exactly-once effect: at every checkpoint Flink calls {@link SinkWriter#flush}, which returns
 * only once ClickHouse has every row so far, so a checkpoint never covers rows that are not stored.
 * Rows written after the last checkpoint are written again after a restart; the tables are
 * ReplacingMergeTrees keyed so that the second copy replaces the first. While ClickHouse is down
 * the writer retries with backoff and holds the stream (backpressure) instead of failing or
 * dropping rows.
 */
public final class ClickHouseSink<IN, ROW> implements Sink<IN> {

  private static final long serialVersionUID = 1L;

  /** What to write: the tables, and how a stream element becomes a row. Must be serializable. */
  public interface Rows<IN, ROW> extends Serializable {
    List<BatchedWriter.Table<ROW>> tables();

    ROW toRow(IN element);

    /** Why a row can never be stored, if it cannot; such rows are logged and counted. */
    default Optional<String> problem(ROW row) {
      return Optional.empty();
    }

    /**
     * True for tables that keep one row per {@link #key} (ReplacingMergeTree): rows are then
     * coalesced for a flush interval before the insert, keeping the highest {@link #version}. The
     * table would keep only that one anyway, and a replay of history sends many versions of one
     * ticket within a second.
     */
    default boolean coalesces() {
      return false;
    }

    default String key(ROW row) {
      throw new UnsupportedOperationException("rows without a key are not coalesced");
    }

    default long version(ROW row) {
      return 0;
    }
  }

  /** Where ClickHouse is; a serializable copy of {@link WarehouseConfig}. */
  public record Target(String host, int httpPort, String database, String user, String password)
      implements Serializable {

    public static Target of(WarehouseConfig config) {
      return new Target(
          config.host(), config.httpPort(), config.database(), config.user(), config.password());
    }

    WarehouseConfig config() {
      return new WarehouseConfig(host, httpPort, database, user, password);
    }

    @Override
    public String toString() {
      return config().describe();
    }
  }

  private final Target target;
  private final Rows<IN, ROW> rows;
  private final int batchSize;
  private final Duration flushInterval;

  public ClickHouseSink(Target target, Rows<IN, ROW> rows, int batchSize, Duration flushInterval) {
    this.target = target;
    this.rows = rows;
    this.batchSize = batchSize;
    this.flushInterval = flushInterval;
  }

  @Override
  public SinkWriter<IN> createWriter(WriterInitContext context) throws IOException {
    Counter rejected = context.metricGroup().counter("rowsRejected");
    Warehouse warehouse;
    try {
      warehouse = Writer.retrying(target, "connect", () -> Warehouse.connect(target.config()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + target, e);
    }
    Writer<IN, ROW> writer =
        new Writer<>(warehouse, target, rows, batchSize, flushInterval, rejected);
    writer.scheduleHandOver(context.getProcessingTimeService());
    return writer;
  }

  private static final class Writer<IN, ROW> implements SinkWriter<IN> {

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseSink.class);
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long LONGEST_BACKOFF_MS = 10_000;

    private final Target target;
    private final Rows<IN, ROW> rows;
    private final BatchedWriter<ROW> writer;
    private final int batchSize;
    private final long handOverMs;

    /** Keyed rows waiting to be handed to the writer: the newest version per key. */
    private final Map<String, ROW> coalesced = new LinkedHashMap<>();

    Writer(
        Warehouse warehouse,
        Target target,
        Rows<IN, ROW> rows,
        int batchSize,
        Duration flush,
        Counter rejected) {
      this.target = target;
      this.rows = rows;
      this.batchSize = batchSize;
      this.handOverMs = Math.max(1, flush.toMillis());
      this.writer =
          new BatchedWriter<>(
              warehouse,
              rows.tables(),
              rows::problem,
              (row, reason) -> {
                rejected.inc();
                LOG.warn("row not stored in ClickHouse: {}", reason);
              },
              new BatchedWriter.Settings(
                  batchSize,
                  // keyed rows already waited up to a flush interval to be coalesced
                  rows.coalesces() ? Duration.ofMillis(100) : flush,
                  batchSize * 10));
    }

    @Override
    public void write(IN element, Context context) throws InterruptedException {
      ROW row = rows.toRow(element);
      if (!rows.coalesces()) {
        retrying("buffer a row", () -> writer.add(row));
        return;
      }
      coalesced.merge(
          rows.key(row), row, (old, now) -> rows.version(now) >= rows.version(old) ? now : old);
      if (coalesced.size() >= batchSize) {
        handOver();
      }
    }

    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
      handOver();
      retrying("write a batch", writer::flush);
    }

    /** Every flush interval the coalesced rows go to the writer (in the task's own thread). */
    void scheduleHandOver(ProcessingTimeService time) {
      time.registerTimer(
          time.getCurrentProcessingTime() + handOverMs,
          now -> {
            handOver();
            scheduleHandOver(time);
          });
    }

    private void handOver() throws InterruptedException {
      if (coalesced.isEmpty()) {
        return;
      }
      for (ROW row : coalesced.values()) {
        retrying("buffer a row", () -> writer.add(row));
      }
      coalesced.clear();
    }

    @Override
    public void close() {
      try {
        writer.close();
      } catch (WarehouseException e) {
        // Not lost: the rows after the last checkpoint are written again after a restart.
        LOG.warn("closing with rows ClickHouse did not take: {}", e.getMessage());
      }
    }

    private void retrying(String what, Runnable action) throws InterruptedException {
      retrying(
          target,
          what,
          () -> {
            action.run();
            return null;
          });
    }

    /** Runs the action until ClickHouse takes it, backing off up to 10 s between attempts. */
    static <T> T retrying(Target target, String what, java.util.function.Supplier<T> action)
        throws InterruptedException {
      long backoff = FIRST_BACKOFF_MS;
      for (int attempt = 1; ; attempt++) {
        try {
          T result = action.get();
          if (attempt > 1) {
            LOG.info("{} is back after {} attempts", target, attempt);
          }
          return result;
        } catch (WarehouseException e) {
          if (attempt == 1 || backoff == LONGEST_BACKOFF_MS) {
            LOG.warn(
                "cannot {} to {} ({}); retrying every {} s at most, the stream waits. Is ClickHouse running (./sanjeh clickhouse start)?",
                what,
                target,
                e.getMessage(),
                LONGEST_BACKOFF_MS / 1000);
          }
          Thread.sleep(backoff);
          backoff = Math.min(backoff * 2, LONGEST_BACKOFF_MS);
        }
      }
    }
  }
}
