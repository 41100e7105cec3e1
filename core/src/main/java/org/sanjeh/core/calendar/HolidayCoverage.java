package org.sanjeh.core.calendar;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local dates for which a calendar's holiday list is known to be complete, and where that list
 * comes from. Outside them a holiday the list does not have counts as a working day, so a calendar
 * used there says so (see {@link BusinessCalendar#firstUseOutsideHolidayCoverage()}) and logs one
 * warning per list per process.
 */
public record HolidayCoverage(String source, LocalDate from, LocalDate through) {

  private static final System.Logger LOG = System.getLogger(BusinessCalendar.class.getName());

  /** The lists already warned about in this process: one line each, not one per calculation. */
  private static final Set<HolidayCoverage> WARNED = ConcurrentHashMap.newKeySet();

  public HolidayCoverage {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(through, "through");
    if (through.isBefore(from)) {
      throw new IllegalArgumentException(
          source + ": holidays complete through " + through + " is before " + from);
    }
  }

  /** The same list, complete through a later date (a table of one's own that adds to it). */
  HolidayCoverage extendedThrough(String otherSource, LocalDate laterThrough) {
    return new HolidayCoverage(
        source + " + " + otherSource, from, laterThrough.isAfter(through) ? laterThrough : through);
  }

  /** What a user reads when a calendar is used on {@code date}, outside this coverage. */
  public String warning(LocalDate date) {
    String known =
        from.equals(LocalDate.MIN)
            ? "through %s (Jalali %s)".formatted(through, Jalali.fromGregorian(through))
            : "from %s through %s (Jalali %s to %s)"
                .formatted(
                    from, through, Jalali.fromGregorian(from), Jalali.fromGregorian(through));
    return ("%s: holidays are known %s; the calendar was used for %s, where a holiday missing"
            + " from the list counts as a working day. Add that year's holidays with a holiday"
            + " file of your own (docs/calendars.md, \"Your own holidays\").")
        .formatted(source, known, date);
  }

  void warnOnce(LocalDate date) {
    if (WARNED.add(this)) {
      LOG.log(System.Logger.Level.WARNING, warning(date));
    }
  }
}
