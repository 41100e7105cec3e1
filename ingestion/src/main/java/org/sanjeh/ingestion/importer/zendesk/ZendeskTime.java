package org.sanjeh.ingestion.importer.zendesk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Timestamps as Zendesk's API ({@code 2020-02-19T01:54:52Z}) and Fivetran's warehouse tables
 * ({@code 2020-02-19 01:54:52}, {@code 2020-03-05 04:47:57.580}, UTC without an offset) write them.
 */
final class ZendeskTime {

  private static final DateTimeFormatter LOCAL =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd")
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .toFormatter();

  private static final java.util.regex.Pattern OFFSET =
      java.util.regex.Pattern.compile("[+-]\\d\\d:?\\d\\d$");

  private ZendeskTime() {}

  /**
   * {@code yyyy-MM-dd HH:mm:ss} (or with a T), Fivetran's usual form, read without a formatter: a
   * million-row export has several million of them. Null for anything else.
   */
  private static Instant plainUtc(String t) {
    if (t.length() != 19 || (t.charAt(10) != ' ' && t.charAt(10) != 'T')) {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = digits(t, 17, 19);
    if (year < 0
        || month < 0
        || day < 0
        || hour < 0
        || minute < 0
        || second < 0
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':') {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null; // let the formatter say what is wrong
    }
  }

  private static int digits(String t, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /**
   * @throws IllegalArgumentException naming the column and the value
   */
  static Instant parse(String column, String value) {
    String text = value.strip();
    Instant fast = plainUtc(text);
    if (fast != null) {
      return fast;
    }
    try {
      if (text.endsWith("Z") || OFFSET.matcher(text).find()) {
        return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
      }
      return LocalDateTime.parse(text, LOCAL).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "%s=\"%s\" is not a timestamp (expected 2020-02-19 01:54:52 in UTC or ISO-8601 with an offset)"
              .formatted(column, value));
    }
  }

  static LocalDate date(String column, String value) {
    try {
      return LocalDate.parse(value.strip().substring(0, Math.min(10, value.strip().length())));
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          "%s=\"%s\" is not a date (expected 2022-12-26)".formatted(column, value));
    }
  }
}
