package org.sanjeh.dashboards.viewer.api;

import java.util.List;
import java.util.Map;

/**
 * Rows as CSV (RFC 4180: comma, CRLF, quotes doubled) for spreadsheets. A text cell that a
 * spreadsheet would take for a formula ({@code = + - @}, tab or CR first) gets a leading {@code '},
 * since survey comments and team names are typed by people outside the company. Numbers are written
 * as numbers, so a negative "due in" stays a number.
 */
final class Csv {

  private Csv() {}

  static String write(List<String> columns, List<Map<String, Object>> rows) {
    StringBuilder csv = new StringBuilder();
    line(csv, columns.stream().map(c -> (Object) c).toList());
    for (Map<String, Object> row : rows) {
      line(csv, columns.stream().map(row::get).toList());
    }
    return csv.toString();
  }

  private static void line(StringBuilder csv, List<Object> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(values.get(i)));
    }
    csv.append("\r\n");
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number number) {
      return JsonValues.finite(number) == null ? "" : number.toString();
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
