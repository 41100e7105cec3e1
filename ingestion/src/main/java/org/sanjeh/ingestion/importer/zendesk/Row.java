package org.sanjeh.ingestion.importer.zendesk;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of an exported table, with where it came from for error messages. A CSV row keeps its
 * fields as read and shares its file's column positions: a map per row, and the row's text joined
 * up front, were a large part of a million-row import; the text is made when a finding needs it.
 */
final class Row {

  private final String file;
  private final int line;
  private final Map<String, Integer> positions;
  private final List<String> fields;
  private final Map<String, String> values;
  private final String text;

  private Row(
      String file,
      int line,
      Map<String, Integer> positions,
      List<String> fields,
      Map<String, String> values,
      String text) {
    this.file = file;
    this.line = line;
    this.positions = positions;
    this.fields = fields;
    this.values = values;
    this.text = text;
  }

  /**
   * @param positions column name to its index in {@code fields}, the same map for every row of the
   *     file (a column named twice is the later one)
   */
  static Row csv(String file, int line, Map<String, Integer> positions, List<String> fields) {
    return new Row(file, line, positions, fields, null, null);
  }

  /** A JSONL row: its fields as text and the line as read. */
  static Row json(String file, int line, Map<String, String> values, String text) {
    return new Row(file, line, null, null, values, text);
  }

  /** The column's text, stripped; empty when the column is absent or null. */
  String get(String column) {
    String value;
    if (values != null) {
      value = values.get(column);
    } else {
      Integer at = positions.get(column);
      value = at == null || at >= fields.size() ? null : fields.get(at);
    }
    return value == null ? "" : value.strip();
  }

  boolean has(String column) {
    return !get(column).isEmpty();
  }

  /** The columns the row's file has. */
  Set<String> columns() {
    return values != null ? values.keySet() : positions.keySet();
  }

  /** {@code ticket_comment.csv line 7}. */
  String where() {
    return file + " line " + line;
  }

  /** The row as read, for the rejects file: a CSV row's fields joined by commas. */
  String raw() {
    return text != null ? text : String.join(",", fields);
  }
}
