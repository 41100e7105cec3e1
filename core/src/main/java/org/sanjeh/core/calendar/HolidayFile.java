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
import java.util.List;

/**
 * Reads a holiday table that users can edit: one date per line (Gregorian {@code 2025-03-21} or
 * {@code jalali:1404-01-01}, Persian digits allowed), then the holiday's name; {@code #} starts a
 * comment. See {@code iran-holidays.txt} for an example.
 */
public final class HolidayFile {

  /** One closed date and why. */
  public record Holiday(LocalDate date, String name) {}

  private HolidayFile() {}

  public static List<Holiday> read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read holiday file " + file + ": " + e.getMessage(), e);
    }
  }

  public static List<Holiday> readResource(String resource) {
    try (InputStream in = HolidayFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("holiday table " + resource + " is not on the classpath");
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws IllegalArgumentException naming the source and line of the first bad date
   */
  public static List<Holiday> read(Reader reader, String source) throws IOException {
    List<Holiday> holidays = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      String[] parts = text.split("\\s+", 2);
      try {
        holidays.add(new Holiday(CalendarJson.date(parts[0]), parts.length > 1 ? parts[1] : ""));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + " line " + number + ": " + e.getMessage(), e);
      }
    }
    return holidays;
  }

  public static List<LocalDate> dates(List<Holiday> holidays) {
    return holidays.stream().map(Holiday::date).toList();
  }
}
