package org.sanjeh.ingestion.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * A progress bar on one line of the terminal for one file or phase: share done, rows, rows per
 * second, time left. Redrawn at most five times a second; silent when stderr is not a terminal (a
 * log file would fill with carriage returns) or when the user asked for quiet.
 */
public final class ProgressBar {

  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int WIDTH = 24;

  private final String label;
  private final long total;
  private final PrintStream out;
  private final long startNanos = System.nanoTime();
  private long lastDraw;
  private long done;
  private long rows;

  private ProgressBar(String label, long total, PrintStream out) {
    this.label = label;
    this.total = Math.max(1, total);
    this.out = out;
  }

  /** Whether bars are drawn: stderr is a terminal and quiet was not asked for. */
  public static boolean wanted(boolean quiet) {
    return !quiet && System.console() != null;
  }

  /**
   * @param total the units of work (bytes of a file, events to send)
   * @param draw false for a bar that counts but never draws
   */
  public static ProgressBar start(String label, long total, boolean draw) {
    return new ProgressBar(label, total, draw ? System.err : null);
  }

  /** Work done so far and the rows it held. */
  public void at(long doneUnits, long rowsSoFar) {
    done = doneUnits;
    rows = rowsSoFar;
    long now = System.nanoTime();
    if (out != null && now - lastDraw >= REDRAW_NANOS) {
      lastDraw = now;
      draw(now, false);
    }
  }

  public void step() {
    at(done + 1, rows + 1);
  }

  public void done() {
    done = total;
    if (out != null) {
      draw(System.nanoTime(), true);
    }
  }

  /** Rows per second so far. */
  public double rate() {
    double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    return rows / seconds;
  }

  private void draw(long now, boolean last) {
    double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
    double share = Math.min(1.0, (double) done / total);
    int filled = (int) Math.round(share * WIDTH);
    long left = share > 0 ? (long) (seconds / share - seconds) : 0;
    out.printf(
        "\r%-32.32s [%s%s] %3d%% %,d rows %,.0f rows/s %s%s",
        label,
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        (int) (share * 100),
        rows,
        rows / seconds,
        last ? "in " + (long) seconds + "s" : left + "s left",
        last ? System.lineSeparator() : "   ");
    out.flush();
  }

  /** Counts the bytes read through it, for a bar over a file's size. */
  public static final class CountingInput extends FilterInputStream {
    private long count;

    public CountingInput(InputStream in) {
      super(in);
    }

    public long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
