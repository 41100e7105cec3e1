package org.sanjeh.warehouse.cli;

/** A one-line progress report on stderr: done, total, rate and time left, every tenth. */
public final class Progress {

  private final String what;
  private final long total;
  private final long startNanos = System.nanoTime();
  private long done;
  private long nextReport;

  public Progress(String what, long total) {
    this.what = what;
    this.total = total;
    this.nextReport = Math.max(1, total / 10);
  }

  public void step() {
    done++;
    if (done >= nextReport && done < total) {
      report();
      nextReport += Math.max(1, total / 10);
    }
  }

  public void done() {
    report();
  }

  private void report() {
    double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    double rate = done / seconds;
    long left = rate > 0 ? (long) ((total - done) / rate) : 0;
    System.err.printf(
        "%s: %,d/%,d (%d%%), %,.0f/s, %ds left%n",
        what, done, total, total == 0 ? 100 : done * 100 / total, rate, left);
  }
}
