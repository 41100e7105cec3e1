package org.sanjeh.batch.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** {@code --from D --to D}: a period of local days, both included. */
public final class PeriodOptions {

  @Option(
      names = "--from",
      required = true,
      description = "First day of the period (YYYY-MM-DD), included.")
  public LocalDate from;

  @Option(
      names = "--to",
      required = true,
      description = "Last day of the period (YYYY-MM-DD), included.")
  public LocalDate to;

  /** Refuses a period that ends before it starts, naming both. */
  public void check() {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
  }
}
