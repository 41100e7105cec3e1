package org.sanjeh.dashboards.definition;

/** A named aggregate over a dataset's columns, e.g. {@code sum(is_open)}. */
public record Metric(String name, String title, String expression) {}
