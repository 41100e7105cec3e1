package org.sanjeh.batch.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanjeh.batch.testing.Tickets.ticket;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanjeh.batch.rollup.DailyFacts.Fact;

class DailyFactsTest {

  private static final LocalDate NOV_2 = LocalDate.parse("2026-11-02");
  private static final LocalDate NOV_3 = LocalDate.parse("2026-11-03");
  private static final LocalDate NOV_4 = LocalDate.parse("2026-11-04");
  private static final DailyFacts UTC_DAYS = new DailyFacts(ZoneOffset.UTC, NOV_2, NOV_4, null);

  @Test
  void aTicketSolvedWithOneReplyIsFirstContactResolution() {
    List<Fact> facts = UTC_DAYS.of(KpiStories.oneReplySolved());

    assertThat(facts)
        .containsExactlyInAnyOrder(
            new Fact(NOV_2, "email", "billing", "a1", 1, 0, 0, 0, 0, 0, 0),
            new Fact(NOV_2, "email", "billing", "a1", 0, 1, 0, 0, 0, 0, 0),
            new Fact(NOV_2, "email", "billing", "a1", 0, 0, 1, 1, 0, 0, 0));
  }

  @Test
  void aReopenedTicketCountsTwoSolvesOneReopenAndIsNotFcr() {
    List<Fact> facts = UTC_DAYS.of(KpiStories.reopenedOnce());

    assertThat(facts)
        .containsExactlyInAnyOrder(
            new Fact(NOV_2, "chat", "support", "a2", 1, 0, 0, 0, 0, 0, 0),
            // open at the end of the 2nd and again at the end of the 3rd (reopened at 12:00)
            new Fact(NOV_2, "chat", "support", "a2", 0, 0, 0, 0, 0, 0, 1),
            new Fact(NOV_3, "chat", "support", "a2", 0, 1, 0, 0, 0, 0, 0),
            new Fact(NOV_3, "chat", "support", "a2", 0, 0, 0, 0, 0, 1, 0),
            new Fact(NOV_3, "chat", "support", "a2", 0, 0, 0, 0, 0, 0, 1),
            new Fact(NOV_4, "chat", "support", "a2", 0, 1, 0, 0, 0, 0, 0),
            // first solved on the 3rd, but reopened since: not FCR
            new Fact(NOV_3, "chat", "support", "a2", 0, 0, 1, 0, 0, 0, 0));
  }

  @Test
  void aSolveWithoutPublicReplyIsReportedAsZeroReplyNotFcr() {
    List<Fact> facts = UTC_DAYS.of(KpiStories.solvedWithoutReply());

    assertThat(facts)
        .containsExactlyInAnyOrder(
            // created on the 1st, before the period: only its backlog day and its solve count
            new Fact(NOV_2, "email", "billing", "a2", 0, 0, 0, 0, 0, 0, 1),
            new Fact(NOV_3, "email", "billing", "a2", 0, 1, 0, 0, 0, 0, 0),
            new Fact(NOV_3, "email", "billing", "a2", 0, 0, 1, 0, 1, 0, 0));
  }

  @Test
  void aDeletedTicketCountsNowhere() {
    assertThat(UTC_DAYS.of(KpiStories.deletedSpam())).isEmpty();
  }

  @Test
  void aMergedTicketIsCreatedButLeavesTheBacklog() {
    assertThat(UTC_DAYS.of(KpiStories.mergedAway()))
        .containsExactly(new Fact(NOV_4, "email", "support", "", 1, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void daysAreLocalDaysOfTheTimeZone() {
    // 21:30 UTC on the 2nd is 01:00 on the 3rd in Tehran (UTC+03:30)
    DailyFacts tehran = new DailyFacts(ZoneId.of("Asia/Tehran"), NOV_2, NOV_4, null);
    List<Fact> facts = tehran.of(ticket("late").created("2026-11-02T21:30:00Z").events());

    assertThat(facts)
        .extracting(Fact::day, Fact::created, Fact::backlog)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(NOV_3, 1, 0),
            org.assertj.core.groups.Tuple.tuple(NOV_3, 0, 1),
            org.assertj.core.groups.Tuple.tuple(NOV_4, 0, 1));
  }

  @Test
  void theBacklogIsTakenAtTheConfiguredLocalTime() {
    // open at 17:00 on the 2nd, solved at 18:00: in the 17:00 backlog, not in the midnight one
    List<org.sanjeh.core.event.TicketEvent> events =
        ticket("t").created("2026-11-02T09:00:00Z").resolved("2026-11-02T18:00:00Z").events();

    assertThat(new DailyFacts(ZoneOffset.UTC, NOV_2, NOV_2, LocalTime.of(17, 0)).of(events))
        .extracting(Fact::backlog)
        .contains(1);
    assertThat(UTC_DAYS.of(events)).extracting(Fact::backlog).doesNotContain(1);
  }
}
