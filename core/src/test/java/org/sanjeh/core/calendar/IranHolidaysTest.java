package org.sanjeh.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Iran preset's holidays: solar ones by rule, lunar ones from the table, and its coverage. */
class IranHolidaysTest {

  /** Hijri month and day of each lunar holiday; day 0 is the last day of the month before. */
  private static final Map<String, int[]> HIJRI_DAY =
      Map.ofEntries(
          Map.entry("Martyrdom of Fatima", new int[] {6, 3}),
          Map.entry("Birthday of Imam Ali", new int[] {7, 13}),
          Map.entry("Mab'ath (Isra and Mi'raj)", new int[] {7, 27}),
          Map.entry("Birthday of Imam Mahdi", new int[] {8, 15}),
          Map.entry("Martyrdom of Imam Ali", new int[] {9, 21}),
          Map.entry("Eid al-Fitr", new int[] {10, 1}),
          Map.entry("Eid al-Fitr holiday", new int[] {10, 2}),
          Map.entry("Martyrdom of Imam Ja'far al-Sadiq", new int[] {10, 25}),
          Map.entry("Eid al-Adha", new int[] {12, 10}),
          Map.entry("Eid al-Ghadir", new int[] {12, 18}),
          Map.entry("Tasua", new int[] {1, 9}),
          Map.entry("Ashura", new int[] {1, 10}),
          Map.entry("Arbaeen", new int[] {2, 20}),
          Map.entry("Death of the Prophet and martyrdom of Imam Hasan", new int[] {2, 28}),
          Map.entry("Martyrdom of Imam Reza", new int[] {3, 0}),
          Map.entry("Martyrdom of Imam Hasan al-Askari", new int[] {3, 8}),
          Map.entry("Birthday of the Prophet and Imam Ja'far al-Sadiq", new int[] {3, 17}));

  @Test
  void aTicketOverNowruz1405CountsTwoBusinessHoursNotThirtyFour() {
    // From Thu 2026-03-19 11:00 to Wed 2026-03-25 09:00, Tehran. By hand:
    //   Thu 19 Mar (28 Esfand 1404): open 08:00-12:00, so 11:00-12:00 = 1 h
    //   Fri 20 Mar (29 Esfand, oil day; also a Friday): closed
    //   Sat 21 - Tue 24 Mar (1-4 Farvardin 1405, Nowruz; Eid al-Fitr estimated on the 21st/22nd)
    //   Wed 25 Mar: open 08:00-16:00, so 08:00-09:00 = 1 h
    // = 2 h. With the holidays of 1405 missing it was 1 + 4 x 8 + 1 = 34 h.
    BusinessCalendar iran = IranCalendar.standard();

    assertThat(iran.between(tehran("2026-03-19T11:00"), tehran("2026-03-25T09:00")))
        .isEqualTo(Duration.ofHours(2));
    assertThat(iran.firstUseOutsideHolidayCoverage()).isEmpty();
  }

  @Test
  void theSolarHolidaysAreGeneratedByRuleForAnyYear() {
    // 1405 begins on 21 March 2026 (1404 is an ordinary year of 365 days from 21 March 2025).
    assertThat(solarDates(1405))
        .containsExactly(
            LocalDate.parse("2026-03-21"),
            LocalDate.parse("2026-03-22"),
            LocalDate.parse("2026-03-23"),
            LocalDate.parse("2026-03-24"),
            LocalDate.parse("2026-04-01"), // 12 Farvardin
            LocalDate.parse("2026-04-02"), // 13 Farvardin
            LocalDate.parse("2026-06-04"), // 14 Khordad
            LocalDate.parse("2026-06-05"), // 15 Khordad
            LocalDate.parse("2027-02-11"), // 22 Bahman
            LocalDate.parse("2027-03-20")); // 29 Esfand, the last day of an ordinary year
    assertThat(solarDates(1406)).startsWith(LocalDate.parse("2027-03-21"));
    assertThat(solarDates(1406)).endsWith(LocalDate.parse("2028-03-19"));
    assertThat(solarDates(1450)).hasSize(10);
  }

  @Test
  void inALeapYearTheOilDayIs29EsfandAndTheLeapDayIsOrdinary() {
    // 1403 and 1408 are leap years: Esfand has 30 days. 29 Esfand is the holiday, 30 Esfand the
    // day before Nowruz is an ordinary working day.
    assertThat(solarDates(1403)).contains(LocalDate.parse("2025-03-19"));
    assertThat(solarDates(1403)).doesNotContain(LocalDate.parse("2025-03-20"));
    assertThat(solarDates(1408)).contains(LocalDate.parse("2030-03-19"));
    assertThat(solarDates(1408)).doesNotContain(LocalDate.parse("2030-03-20"));
    assertThat(solarDates(1409)).startsWith(LocalDate.parse("2030-03-21"));

    BusinessCalendar iran = IranCalendar.standard();
    assertThat(iran.isOpen(tehran("2030-03-19T10:00"))).isFalse(); // Tue, 29 Esfand 1408
    assertThat(iran.isOpen(tehran("2030-03-20T10:00"))).isTrue(); // Wed, 30 Esfand 1408
  }

  @Test
  void theTableCoversTheLunarHolidaysOfThisYearAndTheNext() {
    HolidayFile.Table table = IranCalendar.bundledTable();

    assertThat(table.completeThrough()).contains(LocalDate.parse("2028-03-19")); // 1406-12-29
    for (int jalaliYear : List.of(1405, 1406)) {
      Set<String> names =
          table.holidays().stream()
              .filter(h -> Jalali.yearOf(h.date()) == jalaliYear)
              .map(HolidayFile.Holiday::name)
              .collect(Collectors.toSet());
      assertThat(names).as("lunar holidays in Jalali " + jalaliYear).isEqualTo(HIJRI_DAY.keySet());
    }
  }

  @Test
  void datesNotYetPublishedAreMarkedAsEstimates() {
    HolidayFile.Table table = IranCalendar.bundledTable();
    LocalDate firstUnpublished = LocalDate.parse("2026-01-01");

    assertThat(table.estimates()).isNotEmpty();
    assertThat(table.holidays())
        .allSatisfy(
            h ->
                assertThat(h.estimate())
                    .as(h.date() + " " + h.name())
                    .isEqualTo(!h.date().isBefore(firstUnpublished)));
    assertThat(table.holidays()).noneMatch(h -> h.name().contains("estimate"));
  }

  @Test
  void everyEstimateIsTheUmmAlQuraDatePlusOneDayAsTheTableSays() {
    for (HolidayFile.Holiday h : IranCalendar.bundledTable().estimates()) {
      assertThat(HIJRI_DAY).as(h.name()).containsKey(h.name());
      int[] monthDay = HIJRI_DAY.get(h.name());
      int hijriYear = HijrahDate.from(h.date()).get(ChronoField.YEAR);
      List<LocalDate> candidates = new ArrayList<>();
      for (int year = hijriYear - 1; year <= hijriYear + 1; year++) {
        candidates.add(ummAlQura(year, monthDay[0], monthDay[1]).plusDays(1));
      }
      assertThat(candidates).as(h.date() + " " + h.name()).contains(h.date());
    }
  }

  @Test
  void aMarkedEstimateIsReadAsOneAndTheMarkIsNotPartOfTheName() throws IOException {
    HolidayFile.Table table =
        HolidayFile.load(
            new StringReader(
                "complete-through: jalali:1405-12-29\n"
                    + "2026-08-04\tArbaeen\t[estimate]\n"
                    + "2026-08-12 Death of the Prophet\n"),
            "mine.txt");

    assertThat(table.holidays())
        .containsExactly(
            new HolidayFile.Holiday(LocalDate.parse("2026-08-04"), "Arbaeen", true),
            new HolidayFile.Holiday(LocalDate.parse("2026-08-12"), "Death of the Prophet", false));
    assertThat(table.completeThrough()).contains(LocalDate.parse("2027-03-20"));
  }

  @Test
  void aBusinessCanReplaceTheBundledLunarTableWithItsOwn() throws IOException {
    // Say the official calendar puts Arbaeen 1448 on Monday 3 August 2026, a day before the
    // estimate: a copy of the table with that line corrected replaces the bundled one.
    HolidayFile.Table own =
        HolidayFile.load(
            new StringReader("complete-through: 2026-12-31\n2026-08-03 Arbaeen\n"), "ours.txt");
    BusinessCalendar calendar =
        IranCalendar.withOwnHolidays(
            IranCalendar.Thursday.HALF_DAY, own, IranCalendar.OwnHolidays.REPLACE);

    assertThat(calendar.isOpen(tehran("2026-08-03T10:00"))).isFalse();
    assertThat(calendar.isOpen(tehran("2026-08-04T10:00"))).isTrue(); // the estimate is gone
    assertThat(calendar.isOpen(tehran("2026-06-04T10:00"))).isFalse(); // 14 Khordad, by rule
    assertThat(calendar.holidayCoverage().orElseThrow().through())
        .isEqualTo(LocalDate.parse("2026-12-31"));
  }

  @Test
  void aBusinessCanAddItsOwnClosuresAndExtendTheCoverage() throws IOException {
    HolidayFile.Table own =
        HolidayFile.load(
            new StringReader(
                "complete-through: jalali:1407-12-29\n"
                    + "2026-05-05 Company anniversary\n"
                    + "2028-04-20 Eid al-Fitr (published)\n"),
            "ours.txt");
    BusinessCalendar calendar =
        IranCalendar.withOwnHolidays(
            IranCalendar.Thursday.HALF_DAY, own, IranCalendar.OwnHolidays.ADD);

    assertThat(calendar.isOpen(tehran("2026-05-05T10:00"))).isFalse(); // Tuesday, own closure
    assertThat(calendar.isOpen(tehran("2026-08-04T10:00"))).isFalse(); // bundled estimate kept
    assertThat(calendar.holidayCoverage().orElseThrow().through())
        .isEqualTo(LocalDate.parse("2029-03-19")); // 1407-12-29
    calendar.between(tehran("2028-04-01T08:00"), tehran("2028-05-01T08:00"));
    assertThat(calendar.firstUseOutsideHolidayCoverage()).isEmpty();
  }

  @Test
  void usedPastItsCoverageTheCalendarSaysSoAndLogsOneWarningPerList() throws IOException {
    String source = "coverage-test-" + UUID.randomUUID() + ".txt";
    HolidayFile.Table own =
        HolidayFile.load(
            new StringReader("complete-through: 2026-12-31\n2026-08-03 Arbaeen\n"), source);
    List<LogRecord> warnings = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()
                && record.getMessage().contains(source)) {
              warnings.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger(BusinessCalendar.class.getName());
    logger.addHandler(capture);
    try {
      BusinessCalendar first =
          IranCalendar.withOwnHolidays(
              IranCalendar.Thursday.HALF_DAY, own, IranCalendar.OwnHolidays.REPLACE);
      BusinessCalendar second =
          IranCalendar.withOwnHolidays(
              IranCalendar.Thursday.HALF_DAY, own, IranCalendar.OwnHolidays.REPLACE);

      first.between(tehran("2026-11-01T08:00"), tehran("2026-12-01T08:00"));
      assertThat(first.firstUseOutsideHolidayCoverage()).isEmpty();
      assertThat(warnings).isEmpty();

      // Wed 30 Dec 10:00 + 20 h: 6 h on Wednesday, 4 on Thursday, Friday closed, 8 on Saturday
      // 2 January, 2 on Sunday: Sun 3 January 2027 10:00, past the list's end.
      first.add(tehran("2026-12-30T10:00"), Duration.ofHours(20));
      first.isOpen(tehran("2027-02-01T10:00"));
      second.between(tehran("2027-05-01T08:00"), tehran("2027-05-02T08:00"));

      assertThat(first.firstUseOutsideHolidayCoverage()).contains(LocalDate.parse("2027-01-03"));
      assertThat(second.firstUseOutsideHolidayCoverage()).contains(LocalDate.parse("2027-05-01"));
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0).getMessage())
          .contains("known from 2026-08-03 through 2026-12-31")
          .contains("used for 2027-01-03")
          .contains("counts as a working day")
          .contains("holiday file of your own");
    } finally {
      logger.removeHandler(capture);
    }
  }

  @Test
  void thePresetSaysWhenItIsUsedBeforeOrAfterItsLunarTable() {
    BusinessCalendar afterTable = IranCalendar.standard();
    afterTable.between(tehran("2028-03-18T08:00"), tehran("2028-03-22T08:00"));
    assertThat(afterTable.firstUseOutsideHolidayCoverage()).contains(LocalDate.parse("2028-03-22"));

    BusinessCalendar beforeTable = IranCalendar.standard();
    beforeTable.isOpen(tehran("2023-12-31T10:00"));
    assertThat(beforeTable.firstUseOutsideHolidayCoverage())
        .contains(LocalDate.parse("2023-12-31"));
    // Past the lunar table the solar holidays still hold: 1 Farvardin 1407 is closed.
    assertThat(afterTable.isOpen(tehran("2028-03-20T10:00"))).isFalse();
  }

  private static List<LocalDate> solarDates(int jalaliYear) {
    return HolidayFile.dates(IranCalendar.solarHolidays(jalaliYear));
  }

  private static LocalDate ummAlQura(int year, int month, int day) {
    return day == 0
        ? LocalDate.from(HijrahDate.of(year, month, 1)).minusDays(1)
        : LocalDate.from(HijrahDate.of(year, month, day));
  }

  private static Instant tehran(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), IranCalendar.TEHRAN).toInstant();
  }
}
