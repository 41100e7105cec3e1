package org.sanjeh.ingestion.importer.zendesk;

import java.util.Map;

/**
 * One row of an exported table, with where it came from for error messages.
 *
 * @param file the file's name, e.g. {@code ticket_comment.csv}
 * @param line the 1-based line the row starts on
 * @param values column name to text; absent and empty are the same
 * @param raw the row as read, for the rejects file
 */
public record Row(String file, int line, Map<String, String> values, String raw) {

  /** The column's text, stripped; empty when the column is absent or null. */
  public String get(String column) {
    String value = values.get(column);
    return value == null ? "" : value.strip();
  }

  public boolean has(String column) {
    return !get(column).isEmpty();
  }

  /** {@code ticket_comment.csv line 7}. */
  public String where() {
    return file + " line " + line;
  }
}
