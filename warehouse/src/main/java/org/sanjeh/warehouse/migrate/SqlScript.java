package org.sanjeh.warehouse.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements, because ClickHouse's HTTP interface (and so JDBC) runs one
 * statement per request. Splits at semicolons that are outside quotes, back-ticks and comments.
 */
public final class SqlScript {

  private SqlScript() {}

  public static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (c == '-' && script.startsWith("--", i)) {
        i = skipTo(script, i, "\n");
      } else if (c == '/' && script.startsWith("/*", i)) {
        i = skipTo(script, i + 2, "*/");
      } else if (c == '\'' || c == '"' || c == '`') {
        int end = endOfQuoted(script, i);
        current.append(script, i, end);
        i = end;
      } else if (c == ';') {
        add(statements, current);
        i++;
      } else {
        current.append(c);
        i++;
      }
    }
    add(statements, current);
    return statements;
  }

  private static void add(List<String> statements, StringBuilder current) {
    String statement = current.toString().strip();
    if (!statement.isEmpty()) {
      statements.add(statement);
    }
    current.setLength(0);
  }

  /** Index just past {@code terminator} (or the end), starting the search at {@code from}. */
  private static int skipTo(String script, int from, String terminator) {
    int at = script.indexOf(terminator, from);
    return at < 0 ? script.length() : at + terminator.length();
  }

  /** Index just past the closing quote of the quoted text starting at {@code start}. */
  private static int endOfQuoted(String script, int start) {
    char quote = script.charAt(start);
    int i = start + 1;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    throw new IllegalArgumentException(
        "unterminated " + quote + "-quoted text starting at character " + start);
  }
}
