package org.sanjeh.ingestion.adapter;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by commas, quoted with double quotes when they hold commas, quotes
 * ({@code ""}) or line breaks; CRLF or LF line ends; a UTF-8 byte-order mark is skipped. Each
 * record remembers the line it started on, for error messages.
 */
public final class CsvReader {

  /** One record and the 1-based line it starts on. */
  public record Record(int line, List<String> fields) {}

  private final Reader in;
  private int line = 1;
  private int peeked = -2;

  public CsvReader(Reader in) {
    this.in = in;
  }

  /** The next record, or null at the end. */
  public Record next() throws IOException {
    int c = read();
    if (c == 0xFEFF) {
      c = read();
    }
    if (c == -1) {
      return null;
    }
    int start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldWasQuoted = false;
    while (true) {
      if (quoted) {
        if (c == -1) {
          throw new IOException(
              "line " + start + ": a quoted field is not closed before the end of the file");
        }
        if (c == '"') {
          if (peek() == '"') {
            read();
            field.append('"');
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
      } else if (c == '"' && field.isEmpty() && !fieldWasQuoted) {
        quoted = true;
        fieldWasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        fieldWasQuoted = false;
      } else if (c == '\r' && peek() == '\n') {
        // CRLF: the \n ends the record
      } else if (c == '\n' || c == -1) {
        if (c == '\n') {
          line++;
        }
        fields.add(field.toString());
        return new Record(start, fields);
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  private int read() throws IOException {
    if (peeked != -2) {
      int c = peeked;
      peeked = -2;
      return c;
    }
    return in.read();
  }

  private int peek() throws IOException {
    if (peeked == -2) {
      peeked = in.read();
    }
    return peeked;
  }
}
