package org.sanjeh.ingestion.adapter;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by commas, quoted with double quotes when they hold commas, quotes
 * ({@code ""}) or line breaks; CRLF or LF line ends; a UTF-8 byte-order mark is skipped. Each
 * record remembers the line it started on, for error messages.
 *
 * <p>Reads its input in blocks of its own and copies runs of ordinary characters at once: a
 * character at a time through {@link java.io.BufferedReader#read()} (a lock per character) was most
 * of a million-row import's reading time.
 */
public final class CsvReader {

  /** One record and the 1-based line it starts on. */
  public record Record(int line, List<String> fields) {}

  private static final int BLOCK = 1 << 16;

  private final Reader in;
  private final char[] buffer = new char[BLOCK];
  private final StringBuilder field = new StringBuilder();
  private int position;
  private int limit;
  private boolean ended;
  private int line = 1;

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
    field.setLength(0);
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
            position++;
            field.append('"');
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
          appendQuotedRun();
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
        appendPlainRun();
      }
      c = read();
    }
  }

  /** Appends the characters up to the next quote in the buffer (inside a quoted field). */
  private void appendQuotedRun() {
    int from = position;
    int i = from;
    while (i < limit) {
      char c = buffer[i];
      if (c == '"') {
        break;
      }
      if (c == '\n') {
        line++;
      }
      i++;
    }
    field.append(buffer, from, i - from);
    position = i;
  }

  /** Appends the characters up to the next comma, quote or line end in the buffer (unquoted). */
  private void appendPlainRun() {
    int from = position;
    int i = from;
    while (i < limit) {
      char c = buffer[i];
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        break;
      }
      i++;
    }
    field.append(buffer, from, i - from);
    position = i;
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++];
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    while (!ended) {
      int n = in.read(buffer, 0, BLOCK);
      if (n < 0) {
        ended = true;
      } else if (n > 0) {
        position = 0;
        limit = n;
        return true;
      }
    }
    return false;
  }
}
