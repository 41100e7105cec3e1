package org.sanjeh.dashboards.definition;

import java.util.Optional;

/**
 * A named aggregate over a dataset's columns, e.g. {@code sum(is_open)}. {@code counts}, when set,
 * is the condition on a row that the metric counts ({@code is_open = 1}; {@code 1} for every row):
 * such a metric drills down to those rows, and its number is how many there are.
 */
public record Metric(String name, String title, String expression, Optional<String> counts) {}
