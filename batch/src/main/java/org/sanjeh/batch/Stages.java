package org.sanjeh.batch;

import java.io.PrintStream;
import java.util.Locale;

/** One progress line per stage of a job, on stderr: what is done, how many, how long it took. */
public final class Stages {

  private final String job;
  private final PrintStream err;
  private final long startNanos = System.nanoTime();
  private long stageStartNanos = startNanos;

  public Stages(String job, PrintStream err) {
    this.job = job;
    this.err = err;
  }

  /** Reports the stage just finished. */
  public void done(String stage, String detail) {
    long now = System.nanoTime();
    err.printf(
        Locale.ROOT,
        "%s: %s%s (%.1f s, %.1f s in all)%n",
        job,
        stage,
        detail.isEmpty() ? "" : ": " + detail,
        (now - stageStartNanos) / 1e9,
        (now - startNanos) / 1e9);
    stageStartNanos = now;
  }

  public void done(String stage) {
    done(stage, "");
  }
}
