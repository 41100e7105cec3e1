package org.sanjeh.dashboards.definition;

import java.util.Optional;

/**
 * A named aggregate over a dataset's columns, e.g. {@code sum(is_open)}. {@code counts}, when set,
 * is the condition on a row that the metric counts ({@code is_open = 1}; {@code 1} for every row):
 * such a metric drills down to those rows, and its number is how many there are. A rate sets {@code
 * numerator} and {@code denominator} instead, the conditions of the rows it divides (the number is
 * the first count over the second): it drills down to both lists.
 */
public record Metric(
    String name,
    String title,
    String expression,
    Optional<String> counts,
    Optional<String> numerator,
    Optional<String> denominator) {

  /** A metric that is not a rate. */
  public Metric(String name, String title, String expression, Optional<String> counts) {
    this(name, title, expression, counts, Optional.empty(), Optional.empty());
  }

  /** Whether the number is a count of rows over another, each with its list. */
  public boolean isRate() {
    return numerator.isPresent();
  }
}
