package org.sanjeh.dashboards.query;

import java.util.List;

/** SQL with {@code ?} placeholders, the values bound to them in order, and its output columns. */
public record BoundQuery(String sql, List<Object> parameters, List<String> outputColumns) {}
