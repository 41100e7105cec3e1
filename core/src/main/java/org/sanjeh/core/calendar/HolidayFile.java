package org.sanjeh.core.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads a holiday table that users can edit: one date per line (Gregorian {@code 2025-03-21} or
 * {@code jalali:1404-01-01}, Persian digits allowed), then the holiday's name, optionally ending in
 * {@value #ESTIMATE_MARK} for a date not yet officially published; {@code #} starts a comment. Two
 * optional lines say for which dates the table is complete: {@code complete-from: DATE} and {@code
 * complete-through: DATE}. See {@code iran-holidays.txt} for an example.
 */
public final class HolidayFile {

  /** The mark that ends the line of a holiday whose date is an estimate. */
  public static final String ESTIMATE_MARK = "[estimate]";

  private static final String COMPLETE_FROM = "complete-from:";
  private static final String COMPLETE_THROUGH = "complete-through:";

  /** One closed date and why; {@code estimate} when the date is not yet officially published. */
  public record Holiday(LocalDate date, String name, boolean estimate) {
    public Holiday(LocalDate date, String name) {
      this(date, name, false);
    }
  }

  /**
   * A whole table: its holidays and the dates it declares itself complete for (empty when it does
   * not say).
   */
  public record Table(
      String source,
      List<Holiday> holidays,
      Optional<LocalDate> completeFrom,
      Optional<LocalDate> completeThrough) {

    public Table {
      holidays = List.copyOf(holidays);
    }

    public List<Holiday> estimates() {
      return holidays.stream().filter(Holiday::estimate).toList();
    }

    /**
     * The dates this table is complete for: what it declares, else the span of the dates it lists
     * (past the last listed holiday nothing is known).
     */
    public Optional<HolidayCoverage> coverage() {
      Optional<LocalDate> first =
          holidays.stream().map(Holiday::date).min(Comparator.naturalOrder());
      Optional<LocalDate> last =
          holidays.stream().map(Holiday::date).max(Comparator.naturalOrder());
      if (first.isEmpty() && completeThrough.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new HolidayCoverage(
              source,
              completeFrom.or(() -> first).orElse(LocalDate.MIN),
              completeThrough.or(() -> last).orElseThrow()));
    }
  }

  private HolidayFile() {}

  public static List<Holiday> read(Path file) {
    return load(file).holidays();
  }

  public static List<Holiday> readResource(String resource) {
    return loadResource(resource).holidays();
  }

  /**
   * @throws IllegalArgumentException naming the source and line of the first bad date
   */
  public static List<Holiday> read(Reader reader, String source) throws IOException {
    return load(reader, source).holidays();
  }

  public static Table load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return load(reader, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read holiday file " + file + ": " + e.getMessage(), e);
    }
  }

  public static Table loadResource(String resource) {
    try (InputStream in = HolidayFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("holiday table " + resource + " is not on the classpath");
      }
      return load(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws IllegalArgumentException naming the source and line of the first bad date
   */
  public static Table load(Reader reader, String source) throws IOException {
    List<Holiday> holidays = new ArrayList<>();
    LocalDate completeFrom = null;
    LocalDate completeThrough = null;
    BufferedReader lines = new BufferedReader(reader);
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      try {
        if (text.startsWith(COMPLETE_FROM)) {
          completeFrom = CalendarJson.date(text.substring(COMPLETE_FROM.length()));
        } else if (text.startsWith(COMPLETE_THROUGH)) {
          completeThrough = CalendarJson.date(text.substring(COMPLETE_THROUGH.length()));
        } else {
          holidays.add(holiday(text));
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + " line " + number + ": " + e.getMessage(), e);
      }
    }
    if (completeFrom != null && completeThrough != null && completeThrough.isBefore(completeFrom)) {
      throw new IllegalArgumentException(
          "%s: complete-through %s is before complete-from %s"
              .formatted(source, completeThrough, completeFrom));
    }
    return new Table(
        source, holidays, Optional.ofNullable(completeFrom), Optional.ofNullable(completeThrough));
  }

  private static Holiday holiday(String text) {
    String[] parts = text.split("\\s+", 2);
    String name = parts.length > 1 ? parts[1].strip() : "";
    boolean estimate = name.endsWith(ESTIMATE_MARK);
    if (estimate) {
      name = name.substring(0, name.length() - ESTIMATE_MARK.length()).strip();
    }
    return new Holiday(CalendarJson.date(parts[0]), name, estimate);
  }

  public static List<LocalDate> dates(List<Holiday> holidays) {
    return holidays.stream().map(Holiday::date).toList();
  }
}
