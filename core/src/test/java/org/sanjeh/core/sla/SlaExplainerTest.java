package org.sanjeh.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.calendar.BusinessCalendar;
import org.sanjeh.core.calendar.OpeningHours;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketStatus;
import org.sanjeh.core.sla.ClockSegment.Kind;

/**
 * The explanation of a ticket's clocks, against expectations worked out by hand on a Monday to
 * Friday 09:00-17:00 (UTC) calendar with Monday 2026-01-05 a holiday.
 */
class SlaExplainerTest {

  private static final BusinessCalendar WEEKDAYS_WITH_HOLIDAY =
      BusinessCalendar.of(
          ZoneOffset.UTC,
          OpeningHours.sameEveryDay(
              List.of(
                  DayOfWeek.MONDAY,
                  DayOfWeek.TUESDAY,
                  DayOfWeek.WEDNESDAY,
                  DayOfWeek.THURSDAY,
                  DayOfWeek.FRIDAY),
              OpeningHours.Interval.of("09:00", "17:00")),
          List.of(LocalDate.parse("2026-01-05")));

  private static final SlaPolicy POLICY =
      SlaPolicy.uniform(
          "test", new SlaTargets(Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(16)));

  private final List<TicketEvent> events = new ArrayList<>();

  @Test
  void aPauseTheWeekendAndAHolidayAreShownAndTheLateReplyMissesByHalfAnHour() {
    add("2026-01-02T15:00:00Z", EventType.TICKET_CREATED, AuthorRole.CUSTOMER, null, true);
    add("2026-01-02T16:00:00Z", EventType.STATUS_CHANGED, AuthorRole.AGENT, TicketStatus.PENDING);
    add("2026-01-02T16:30:00Z", EventType.CUSTOMER_MESSAGE, AuthorRole.CUSTOMER, null, true);
    add("2026-01-06T12:00:00Z", EventType.AGENT_REPLY, AuthorRole.AGENT, null, true);

    SlaExplanation explained = explain("2026-01-06T13:00:00Z");

    // Friday 15:00-16:00 counts, 16:00-16:30 pending, 16:30-17:00 counts, then closed until
    // Tuesday 09:00 (weekend, Monday's holiday): 1.5 h by Friday evening, the 4 h target reached
    // after 2.5 h more on Tuesday, at 11:30; the reply at 12:00 is 30 minutes late.
    TargetRun first = explained.latest(SlaTarget.FIRST_RESPONSE).orElseThrow();
    assertThat(first.segments())
        .containsExactly(
            segment("2026-01-02T15:00:00Z", "2026-01-02T16:00:00Z", Kind.COUNTED),
            segment("2026-01-02T16:00:00Z", "2026-01-02T16:30:00Z", Kind.PAUSED),
            segment("2026-01-02T16:30:00Z", "2026-01-02T17:00:00Z", Kind.COUNTED),
            segment("2026-01-02T17:00:00Z", "2026-01-06T09:00:00Z", Kind.OUTSIDE_HOURS),
            segment("2026-01-06T09:00:00Z", "2026-01-06T12:00:00Z", Kind.COUNTED));
    assertThat(first.status()).isEqualTo(SlaStatus.BREACHED);
    assertThat(first.dueAt()).isEqualTo(Instant.parse("2026-01-06T11:30:00Z"));
    assertThat(first.counted()).isEqualTo(Duration.ofMinutes(270));
    assertThat(first.margin(explained.asOf())).contains(Duration.ofMinutes(-30));
    assertThat(first.measuredMargin()).contains(Duration.ofMinutes(-30));
    assertThat(first.reason(explained.asOf())).startsWith("missed").contains("0h30m after");

    // next response, 8 h: 1.5 h on Friday, 6.5 h from Tuesday 09:00 is 15:30: met, 3.5 h to spare
    TargetRun next = explained.latest(SlaTarget.NEXT_RESPONSE).orElseThrow();
    assertThat(next.cycle()).isEqualTo(1);
    assertThat(next.status()).isEqualTo(SlaStatus.ACHIEVED);
    assertThat(next.dueAt()).isEqualTo(Instant.parse("2026-01-06T15:30:00Z"));
    assertThat(next.fulfilledAt()).isEqualTo(Instant.parse("2026-01-06T12:00:00Z"));
    assertThat(next.margin(explained.asOf())).contains(Duration.ofMinutes(210));
    assertThat(next.segments()).isEqualTo(first.segments());

    // resolution, 16 h, still running at 13:00: 5.5 h counted; 1.5 h Friday, 8 h Tuesday, the
    // remaining 6.5 h from Wednesday 09:00 end at 15:30
    TargetRun resolution = explained.latest(SlaTarget.RESOLUTION).orElseThrow();
    assertThat(resolution.status()).isEqualTo(SlaStatus.RUNNING);
    assertThat(resolution.counted()).isEqualTo(Duration.ofMinutes(330));
    assertThat(resolution.dueAt()).isEqualTo(Instant.parse("2026-01-07T15:30:00Z"));
    assertThat(resolution.segments())
        .last()
        .isEqualTo(segment("2026-01-06T09:00:00Z", "2026-01-06T13:00:00Z", Kind.COUNTED));
    assertEveryRunAgreesWithTheEngine(explained);
  }

  @Test
  void aSolveAndReopenShowsTheSolvedTimeAndStartsASecondNextResponseCycle() {
    add("2026-01-06T10:00:00Z", EventType.TICKET_CREATED, AuthorRole.CUSTOMER, null, true);
    add("2026-01-06T10:30:00Z", EventType.AGENT_REPLY, AuthorRole.AGENT, null, true);
    add("2026-01-06T11:00:00Z", EventType.RESOLVED, AuthorRole.AGENT, TicketStatus.SOLVED);
    add("2026-01-06T14:00:00Z", EventType.REOPENED, AuthorRole.CUSTOMER, TicketStatus.OPEN);
    add("2026-01-06T15:00:00Z", EventType.RESOLVED, AuthorRole.AGENT, TicketStatus.SOLVED);

    SlaExplanation explained = explain("2026-01-06T16:00:00Z");

    TargetRun resolution = explained.latest(SlaTarget.RESOLUTION).orElseThrow();
    assertThat(resolution.segments())
        .containsExactly(
            segment("2026-01-06T10:00:00Z", "2026-01-06T11:00:00Z", Kind.COUNTED),
            segment("2026-01-06T11:00:00Z", "2026-01-06T14:00:00Z", Kind.SOLVED),
            segment("2026-01-06T14:00:00Z", "2026-01-06T15:00:00Z", Kind.COUNTED));
    assertThat(resolution.status()).isEqualTo(SlaStatus.ACHIEVED);
    assertThat(resolution.counted()).isEqualTo(Duration.ofHours(2));

    List<TargetRun> cycles =
        explained.runs().stream().filter(r -> r.which() == SlaTarget.NEXT_RESPONSE).toList();
    assertThat(cycles).extracting(TargetRun::cycle).containsExactly(1, 2);
    assertThat(cycles.get(0).status()).isEqualTo(SlaStatus.ACHIEVED);
    assertThat(cycles.get(0).counted()).isEqualTo(Duration.ofMinutes(30));
    // the reopening message starts cycle 2; the second solve sets it aside, unanswered
    assertThat(cycles.get(1).startedAt()).isEqualTo(Instant.parse("2026-01-06T14:00:00Z"));
    assertThat(cycles.get(1).status()).isEqualTo(SlaStatus.CANCELLED);
    assertThat(cycles.get(1).segments())
        .containsExactly(segment("2026-01-06T14:00:00Z", "2026-01-06T15:00:00Z", Kind.COUNTED));

    TargetRun first = explained.latest(SlaTarget.FIRST_RESPONSE).orElseThrow();
    assertThat(first.status()).isEqualTo(SlaStatus.ACHIEVED);
    // met after 30 minutes: the 4 h deadline would have fallen 3.5 h later, at 14:00
    assertThat(first.dueAt()).isEqualTo(Instant.parse("2026-01-06T14:00:00Z"));
    assertThat(first.margin(explained.asOf())).contains(Duration.ofMinutes(210));
    assertThat(first.reason(explained.asOf())).startsWith("met");
    assertEveryRunAgreesWithTheEngine(explained);
  }

  @Test
  void aDuplicateIsListedAsIgnoredAndChangesNothing() {
    add("2026-01-06T10:00:00Z", EventType.TICKET_CREATED, AuthorRole.CUSTOMER, null, true);
    add("2026-01-06T10:30:00Z", EventType.AGENT_REPLY, AuthorRole.AGENT, null, true);
    TicketEvent resent = events.get(1);
    events.add(resent.toBuilder().occurredAt(resent.occurredAt().plusSeconds(60)).build());

    SlaExplanation explained = explain("2026-01-06T12:00:00Z");

    assertThat(explained.ignoredEvents()).containsExactly(events.get(2));
    assertThat(explained.latest(SlaTarget.FIRST_RESPONSE).orElseThrow().counted())
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void noEventsNoRuns() {
    assertThat(explain("2026-01-06T12:00:00Z").runs()).isEmpty();
  }

  /** Each latest run reports what SlaClock reports, and its counted segments add up to it. */
  private void assertEveryRunAgreesWithTheEngine(SlaExplanation explained) {
    SlaClock clock = new SlaClock(POLICY, WEEKDAYS_WITH_HOLIDAY);
    events.forEach(clock::apply);
    for (TargetRun run : explained.runs()) {
      Duration counted =
          run.segments().stream()
              .filter(s -> s.kind() == Kind.COUNTED)
              .map(ClockSegment::length)
              .reduce(Duration.ZERO, Duration::plus);
      assertThat(counted).as("%s cycle %d", run.which(), run.cycle()).isEqualTo(run.counted());
    }
    for (SlaTarget which : List.of(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION)) {
      TargetReport report = clock.report(which, explained.asOf());
      TargetRun run = explained.latest(which).orElseThrow();
      assertThat(run.status()).isEqualTo(report.status());
      assertThat(run.counted()).isEqualTo(report.elapsedBusiness());
      if (report.dueAt() != null) {
        assertThat(run.dueAt()).isEqualTo(report.dueAt());
      }
    }
  }

  private SlaExplanation explain(String asOf) {
    return SlaExplainer.explain(events, POLICY, WEEKDAYS_WITH_HOLIDAY, Instant.parse(asOf));
  }

  private void add(String at, EventType type, AuthorRole role, TicketStatus status) {
    add(at, type, role, status, false);
  }

  private void add(String at, EventType type, AuthorRole role, TicketStatus status, boolean text) {
    events.add(
        TicketEvent.builder()
            .eventId("e" + (events.size() + 1))
            .ticketId("T-1")
            .occurredAt(Instant.parse(at))
            .type(type)
            .channel(Channel.EMAIL)
            .authorRole(role)
            .status(status)
            .body(text ? "text" : null)
            .build());
  }

  private static ClockSegment segment(String from, String to, Kind kind) {
    return new ClockSegment(Instant.parse(from), Instant.parse(to), kind);
  }
}
