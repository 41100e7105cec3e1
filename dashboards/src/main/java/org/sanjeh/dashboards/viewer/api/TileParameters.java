package org.sanjeh.dashboards.viewer.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sanjeh.dashboards.definition.Chart;
import org.sanjeh.dashboards.definition.ChartKind;
import org.sanjeh.dashboards.definition.Column;
import org.sanjeh.dashboards.definition.Dataset;
import org.sanjeh.dashboards.definition.DefinitionLoader;

/**
 * Which number of a chart a drill-down asks for: {@code at.DIMENSION=value} for each of the chart's
 * dimensions and {@code at.time_bucket} for a line, typed by the dataset's columns.
 */
final class TileParameters {

  private TileParameters() {}

  static Map<String, Object> read(Chart chart, Dataset dataset, Map<String, String[]> parameters) {
    Map<String, Object> tile = new LinkedHashMap<>();
    for (String name : parameters.keySet()) {
      if (name.startsWith("at.")) {
        String key = name.substring(3);
        boolean known =
            chart.dimensions().contains(key)
                || (chart.kind() == ChartKind.LINE && key.equals(DefinitionLoader.TIME_BUCKET));
        if (!known) {
          throw new BadRequestValue(
              name, "", "chart " + chart.id() + " has no dimension '" + key + "'");
        }
      }
    }
    if (chart.kind() == ChartKind.LINE) {
      String value = required(parameters, DefinitionLoader.TIME_BUCKET);
      tile.put(DefinitionLoader.TIME_BUCKET, time("at." + DefinitionLoader.TIME_BUCKET, value));
    }
    for (String dimension : chart.dimensions()) {
      String value = required(parameters, dimension);
      Column column = dataset.column(dimension).orElseThrow();
      tile.put(dimension, column.temporal() ? time("at." + dimension, value) : value);
    }
    return tile;
  }

  private static String required(Map<String, String[]> parameters, String key) {
    String value = FilterParameters.single(parameters, "at." + key);
    if (value == null) {
      throw new BadRequestValue("at." + key, "", "missing: which " + key + " to list");
    }
    return value;
  }

  /** A day (yyyy-MM-dd) or a time on the local clock (yyyy-MM-ddTHH:mm[:ss]). */
  private static Object time(String field, String value) {
    try {
      return value.contains("T") ? LocalDateTime.parse(value) : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadRequestValue(
          field, value, "'" + value + "' is not a day or a local time (yyyy-MM-ddTHH:mm:ss)");
    }
  }
}
