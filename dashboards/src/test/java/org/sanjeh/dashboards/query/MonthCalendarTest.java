package org.sanjeh.dashboards.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanjeh.dashboards.definition.DefinitionLoader;
import org.sanjeh.dashboards.definition.Definitions;

class MonthCalendarTest {

  /** 1 Aban, 1 Azar and 1 Dey 1405. */
  private static final LocalDate ABAN = LocalDate.of(2026, 10, 23);

  private static final LocalDate AZAR = LocalDate.of(2026, 11, 22);
  private static final LocalDate DEY = LocalDate.of(2026, 12, 22);

  @Test
  void aJalaliMonthStartsOnItsFirstDayInTheGregorianCalendar() {
    assertThat(MonthCalendar.jalaliMonthStart(LocalDate.of(2026, 11, 30))).isEqualTo(AZAR);
    assertThat(MonthCalendar.jalaliMonthStart(AZAR)).isEqualTo(AZAR);
    assertThat(MonthCalendar.jalaliMonthStart(AZAR.minusDays(1))).isEqualTo(ABAN);
    assertThat(MonthCalendar.nextJalaliMonthStart(AZAR)).isEqualTo(DEY);
    // Esfand to Farvardin: the year changes at Nowruz
    assertThat(MonthCalendar.jalaliMonthStart(LocalDate.of(2027, 3, 22)))
        .isEqualTo(LocalDate.of(2027, 3, 21));
  }

  @Test
  void theMonthsOfARangeAreThoseItOverlaps() {
    assertThat(
            MonthCalendar.jalaliMonthStarts(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 22)))
        .containsExactly(ABAN, AZAR, DEY);
    assertThat(MonthCalendar.jalaliMonthStarts(AZAR, AZAR.plusDays(5))).containsExactly(AZAR);
  }

  @Test
  void theBucketComparesTheDayWithBoundMonthStartsNewestFirst() {
    List<Object> parameters = new ArrayList<>();

    String sql =
        MonthCalendar.jalaliBucket("toDate(d)", LocalDate.of(2026, 11, 1), DEY, parameters);

    assertThat(sql)
        .isEqualTo(
            "multiIf(toDate(d) >= toDate(?), toDate(?), toDate(d) >= toDate(?), toDate(?),"
                + " toDate(?))");
    assertThat(parameters)
        .containsExactly("2026-12-22", "2026-12-22", "2026-11-22", "2026-11-22", "2026-10-23");
  }

  @Test
  void aDrillDownOfAJalaliMonthTakesItsDaysAndOnlyFromItsFirstDay() {
    List<Object> parameters = new ArrayList<>();

    assertThat(MonthCalendar.jalaliMonth("toDate(d)", AZAR, parameters))
        .isEqualTo("toDate(d) >= toDate(?) AND toDate(d) < toDate(?)");
    assertThat(parameters).containsExactly("2026-11-22", "2026-12-22");
    assertThatThrownBy(() -> MonthCalendar.jalaliMonth("d", LocalDate.of(2026, 12, 1), parameters))
        .hasMessage("time_bucket 2026-12-01 is not the first day of a Jalali month");
  }

  @Test
  void aMonthlyLineInJalaliMonthsBindsTheMonthStartsBeforeTheFilters() {
    Definitions definitions = DefinitionLoader.bundled();
    Filters filters =
        Filters.days(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 12, 24), DEY)
            .withTeams("billing")
            .withMonths(MonthCalendar.JALALI);

    BoundQuery query =
        ChartQuery.build(
            definitions,
            definitions.chart("csat_by_month").orElseThrow(),
            filters,
            ZoneId.of("Asia/Tehran"));

    assertThat(query.sql()).contains("multiIf(toDate(local_date) >= toDate(?)");
    // the month starts (SELECT), then the filters inside the dataset, then outside
    assertThat(query.parameters())
        .containsExactly(
            "2026-12-22",
            "2026-12-22",
            "2026-11-22",
            "2026-11-24 00:00:00",
            "2026-12-26 00:00:00",
            "billing",
            "2026-11-25",
            "2026-12-24",
            "billing");
  }
}
