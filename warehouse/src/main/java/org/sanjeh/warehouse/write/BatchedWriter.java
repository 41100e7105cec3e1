package org.sanjeh.warehouse.write;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.sanjeh.warehouse.RowBinaryOut;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers rows and writes them to one or more tables in large inserts (ClickHouse wants about one
 * insert per second per table of 50k–100k rows, never a row at a time). Flushes when a batch is
 * full, when the oldest buffered row is older than the flush interval, and on {@link #flush()}.
 *
 * <p>Nothing is dropped. A row that cannot be stored (its validator says why) goes to the rejects
 * handler with the reason, and its neighbours carry on. A failed insert keeps the whole batch and
 * remembers which tables already have it, so the next flush retries only the rest; once the buffer
 * holds {@code maxBuffered} rows, {@link #add} refuses new rows with an exception instead of
 * growing without bound. A row is stored once {@link #flush()} has returned: commit a source's
 * offsets only after that.
 */
public final class BatchedWriter<T> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BatchedWriter.class);

  private static final long FAILURE_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final long MAX_RETRY_BACKOFF_MILLIS = 5_000;

  /** While ClickHouse refuses: since when, when it was last logged, when to try again. */
  private volatile long failingSinceNanos;

  private volatile long lastFailureLoggedNanos;
  private volatile long nextAttemptNanos;
  private volatile long retryBackoffMillis;

  /** Inserts slower than this are logged: they hold back every row behind them. */
  private static final long SLOW_INSERT_MILLIS = 2_000;

  /**
   * @param batchSize rows per insert
   * @param flushInterval the longest a row waits in the buffer; zero turns the timer off
   * @param maxBuffered rows held at most while the warehouse is failing, before add() refuses
   */
  public record Settings(int batchSize, Duration flushInterval, int maxBuffered) {
    public static final Settings DEFAULTS = new Settings(100_000, Duration.ofSeconds(1), 1_000_000);

    public Settings {
      if (batchSize < 1 || maxBuffered < batchSize) {
        throw new IllegalArgumentException(
            "need 1 <= batchSize <= maxBuffered, got " + batchSize + " and " + maxBuffered);
      }
    }
  }

  /** A target table: its columns and how one row is written to them. */
  public interface Table<T> {
    String name();

    List<String> columns();

    /** Whether this row belongs in this table at all (e.g. only events that carry a message). */
    default boolean includes(T row) {
      return true;
    }

    void write(T row, RowBinaryOut out) throws IOException;
  }

  /** Receives rows that can never be stored, with the reason. */
  @FunctionalInterface
  public interface Rejects<T> {
    void reject(T row, String reason);
  }

  private final Warehouse warehouse;
  private final List<Table<T>> tables;
  private final Function<T, Optional<String>> validator;
  private final Rejects<T> rejects;
  private final Settings settings;

  private final Object bufferLock = new Object();
  private final Object flushLock = new Object();
  private List<T> current = new ArrayList<>();
  private long currentSinceNanos;
  private final Deque<Batch<T>> pending = new ArrayDeque<>();
  private int pendingRows;

  private final AtomicLong rowsWritten = new AtomicLong();
  private final AtomicLong rowsRejected = new AtomicLong();
  private final AtomicLong inserts = new AtomicLong();
  private final ScheduledExecutorService timer;

  public BatchedWriter(
      Warehouse warehouse,
      List<Table<T>> tables,
      Function<T, Optional<String>> validator,
      Rejects<T> rejects,
      Settings settings) {
    this.warehouse = warehouse;
    this.tables = List.copyOf(tables);
    this.validator = validator;
    this.rejects = rejects;
    this.settings = settings;
    this.timer = settings.flushInterval().isZero() ? null : startTimer(settings.flushInterval());
  }

  /**
   * Buffers a row; returns false if it was rejected (and handed to the rejects handler). Flushes
   * when the batch is full; a failing flush there is retried later, not thrown.
   *
   * @throws WarehouseException when the warehouse has been failing long enough that the buffer is
   *     full: the row was not accepted, retry later
   */
  public boolean add(T row) {
    Optional<String> problem = validator.apply(row);
    if (problem.isPresent()) {
      rowsRejected.incrementAndGet();
      rejects.reject(row, problem.get());
      return false;
    }
    boolean full;
    synchronized (bufferLock) {
      if (current.size() + pendingRows >= settings.maxBuffered()) {
        throw new WarehouseException(
            "warehouse writer for %s holds %d unwritten rows and accepts no more until ClickHouse takes them; retry later. Last failure is in the log."
                .formatted(tableNames(), current.size() + pendingRows));
      }
      if (current.isEmpty()) {
        currentSinceNanos = System.nanoTime();
      }
      current.add(row);
      full = current.size() >= settings.batchSize();
    }
    if (full) {
      flushQuietly();
    }
    return true;
  }

  /** Writes everything buffered; on failure the rows stay buffered and the error is thrown. */
  public void flush() {
    synchronized (flushLock) {
      sealCurrentBatch();
      while (true) {
        Batch<T> batch;
        synchronized (bufferLock) {
          batch = pending.peekFirst();
        }
        if (batch == null) {
          return;
        }
        write(batch);
        synchronized (bufferLock) {
          pending.removeFirst();
          pendingRows -= batch.rows.size();
        }
        rowsWritten.addAndGet(batch.rows.size());
      }
    }
  }

  public long rowsWritten() {
    return rowsWritten.get();
  }

  public long rowsRejected() {
    return rowsRejected.get();
  }

  public long inserts() {
    return inserts.get();
  }

  public int rowsBuffered() {
    synchronized (bufferLock) {
      return current.size() + pendingRows;
    }
  }

  /** Flushes and stops the timer; throws if rows could not be written (they are not lost yet). */
  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    flush();
  }

  private void write(Batch<T> batch) {
    for (Table<T> table : tables) {
      if (batch.doneTables.contains(table.name())) {
        continue;
      }
      List<T> rows = batch.rows.stream().filter(table::includes).toList();
      if (!rows.isEmpty()) {
        long started = System.nanoTime();
        try {
          warehouse.insert(
              table.name(),
              table.columns(),
              out -> {
                for (T row : rows) {
                  table.write(row, out);
                }
              });
        } catch (WarehouseException e) {
          throw new WarehouseException(
              "writing %d rows to %s failed; they stay buffered and the next flush retries them. %s"
                  .formatted(rows.size(), table.name(), e.getMessage()),
              e);
        }
        inserts.incrementAndGet();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (millis >= SLOW_INSERT_MILLIS) {
          LOG.info(
              "ClickHouse took {} ms to store {} rows in {}", millis, rows.size(), table.name());
        }
      }
      batch.doneTables.add(table.name());
    }
  }

  private void sealCurrentBatch() {
    synchronized (bufferLock) {
      if (!current.isEmpty()) {
        pending.addLast(new Batch<>(current));
        pendingRows += current.size();
        current = new ArrayList<>();
      }
    }
  }

  /**
   * The timer's and a full batch's flush: a failure is logged when it starts and then every 30 s
   * while it lasts (not at every attempt), and the timer backs off up to 5 s between attempts.
   */
  private void flushQuietly() {
    try {
      flush();
      if (failingSinceNanos != 0) {
        LOG.info("{} takes rows again", tableNames());
        failingSinceNanos = 0;
        retryBackoffMillis = 0;
      }
    } catch (WarehouseException e) {
      long now = System.nanoTime();
      if (failingSinceNanos == 0 || now - lastFailureLoggedNanos >= FAILURE_LOG_INTERVAL_NANOS) {
        LOG.warn(
            "{}{}",
            failingSinceNanos == 0
                ? ""
                : "still failing after %d s: "
                    .formatted(TimeUnit.NANOSECONDS.toSeconds(now - failingSinceNanos)),
            e.getMessage());
        lastFailureLoggedNanos = now;
      }
      if (failingSinceNanos == 0) {
        failingSinceNanos = now;
      }
      retryBackoffMillis =
          Math.min(MAX_RETRY_BACKOFF_MILLIS, Math.max(100, retryBackoffMillis * 2));
      nextAttemptNanos = now + TimeUnit.MILLISECONDS.toNanos(retryBackoffMillis);
    }
  }

  private ScheduledExecutorService startTimer(Duration interval) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "warehouse-flush-" + tableNames());
              thread.setDaemon(true);
              return thread;
            });
    long periodMillis = Math.max(10, interval.toMillis() / 4);
    executor.scheduleWithFixedDelay(
        this::flushIfDue, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    return executor;
  }

  private void flushIfDue() {
    if (failingSinceNanos != 0 && System.nanoTime() < nextAttemptNanos) {
      return;
    }
    boolean due;
    synchronized (bufferLock) {
      due =
          pendingRows > 0
              || (!current.isEmpty()
                  && System.nanoTime() - currentSinceNanos >= settings.flushInterval().toNanos());
    }
    if (due) {
      flushQuietly();
    }
  }

  private String tableNames() {
    return String.join("+", tables.stream().map(Table::name).toList());
  }

  /** Rows sealed for one insert per table, and the tables that already have them. */
  private static final class Batch<T> {
    final List<T> rows;
    final Set<String> doneTables = new HashSet<>();

    Batch(List<T> rows) {
      this.rows = rows;
    }
  }
}
