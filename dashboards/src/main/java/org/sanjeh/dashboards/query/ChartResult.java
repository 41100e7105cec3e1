package org.sanjeh.dashboards.query;

import java.util.List;
import java.util.Map;

/** A chart's rows, each a map from output column to value, in the query's column order. */
public record ChartResult(String chartId, List<String> columns, List<Map<String, Object>> rows) {}
