package org.sanjeh.batch.cli;

import java.nio.file.Path;
import org.sanjeh.batch.churn.Labels;
import picocli.CommandLine.Option;

/** How churn is defined: horizon, label source, which customers count, the SLA policy. */
public final class ChurnOptions {

  @Option(
      names = "--horizon",
      description =
          "Days after the as-of date within which a churn counts (default: ${DEFAULT-VALUE}).",
      defaultValue = "30")
  public int horizonDays;

  @Option(
      names = "--labels",
      description =
          "Where churn labels come from: INACTIVITY (no ticket event within the horizon) or STATUS (a date attribute) (default: ${DEFAULT-VALUE}).",
      defaultValue = "INACTIVITY")
  public Labels labels;

  @Option(
      names = "--status-attribute",
      description =
          "The customer attribute holding the churn date (YYYY-MM-DD) for --labels STATUS (default: ${DEFAULT-VALUE}).",
      defaultValue = "churned_on")
  public String statusAttribute;

  @Option(
      names = "--active-within",
      description =
          "Only customers in contact within this many days before the as-of date (default: ${DEFAULT-VALUE}).",
      defaultValue = "180")
  public int activeWithinDays;

  @Option(
      names = "--policy",
      description =
          "SLA policy for the breach features (default: the bundled policy the live job uses).")
  public Path policy;
}
