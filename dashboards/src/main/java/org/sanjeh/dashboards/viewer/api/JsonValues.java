package org.sanjeh.dashboards.viewer.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ClickHouse answers 0/0 with {@code nan} (a day without CSAT answers has no CSAT): JSON has no
 * NaN, so such a value goes out as {@code null}, which the charts draw as a gap.
 */
final class JsonValues {

  private JsonValues() {}

  static Number finite(Number number) {
    if (number instanceof Double d && !Double.isFinite(d)) {
      return null;
    }
    if (number instanceof Float f && !Float.isFinite(f)) {
      return null;
    }
    return number;
  }

  static List<Map<String, Object>> finiteRows(List<Map<String, Object>> rows) {
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      Map<String, Object> copy = new LinkedHashMap<>();
      row.forEach((k, v) -> copy.put(k, v instanceof Number n ? finite(n) : v));
      out.add(copy);
    }
    return out;
  }
}
