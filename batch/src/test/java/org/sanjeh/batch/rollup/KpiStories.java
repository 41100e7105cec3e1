package org.sanjeh.batch.rollup;

import static org.sanjeh.batch.testing.Tickets.ticket;

import java.util.List;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketStatus;

/**
 * Five tickets around 2–4 November 2026 (UTC) whose daily KPIs are worked out by hand in {@link
 * DailyFactsTest}.
 */
final class KpiStories {

  private KpiStories() {}

  /** One reply, solved the same day: FCR. */
  static List<TicketEvent> oneReplySolved() {
    return ticket("t1")
        .team("billing")
        .agent("a1")
        .created("2026-11-02T09:00:00Z")
        .reply("2026-11-02T10:00:00Z")
        .resolved("2026-11-02T11:00:00Z")
        .events();
  }

  /** Solved on the 3rd, reopened the same day by the customer, solved again on the 4th. */
  static List<TicketEvent> reopenedOnce() {
    return ticket("t2")
        .channel(Channel.CHAT)
        .team("support")
        .agent("a2")
        .created("2026-11-02T09:00:00Z")
        .reply("2026-11-02T10:00:00Z")
        .resolved("2026-11-03T08:00:00Z")
        .customerReopens("2026-11-03T12:00:00Z")
        .reply("2026-11-03T13:00:00Z")
        .resolved("2026-11-04T09:00:00Z")
        .events();
  }

  /** Created before the period, solved on the 3rd without any public reply. */
  static List<TicketEvent> solvedWithoutReply() {
    return ticket("t3")
        .team("billing")
        .agent("a2")
        .created("2026-11-01T10:00:00Z")
        .note("2026-11-01T11:00:00Z")
        .status("2026-11-03T10:00:00Z", TicketStatus.SOLVED)
        .events();
  }

  /** Spam: deleted, counts nowhere. */
  static List<TicketEvent> deletedSpam() {
    return ticket("t4")
        .team("support")
        .created("2026-11-03T15:00:00Z")
        .deleted("2026-11-03T16:00:00Z")
        .events();
  }

  /** Created on the 4th and merged into another ticket an hour later: not in the backlog. */
  static List<TicketEvent> mergedAway() {
    return ticket("t5")
        .team("support")
        .created("2026-11-04T20:00:00Z")
        .merged("2026-11-04T21:00:00Z")
        .events();
  }

  static List<List<TicketEvent>> all() {
    return List.of(
        oneReplySolved(), reopenedOnce(), solvedWithoutReply(), deletedSpam(), mergedAway());
  }
}
