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

  private ZendeskTime() {}

  /**
   * @throws IllegalArgumentException naming the column and the value
   */
  static Instant parse(String column, String value) {
    String text = value.strip();
    try {
      if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
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
