package org.sanjeh.streaming.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.event.EventType;
import org.sanjeh.streaming.metrics.Dimensions;
import org.sanjeh.streaming.metrics.MetricFact;

/** The fact counting on its own: a ticket before and after an event in, facts out. */
class FactCounterTest {

  private static final long AT = 1_772_442_000_000L; // 2026-03-02T09:00:00Z
  private static final Dimensions SUPPORT = Dimensions.of("chat", "support", "high", "");
  private static final Dimensions BILLING = Dimensions.of("chat", "billing", "high", "");

  @Test
  void aCreationCountsOneCreatedAndEntersTheBacklogUnderItsDimensions() {
    FactCounter.Counted counted =
        FactCounter.count(change(EventType.TICKET_CREATED, false, false, true, null));

    assertThat(texts(counted.kept())).containsExactly("created chat|support|high|");
    assertThat(texts(counted.backlog())).containsExactly("backlog +1 chat|support|high|");
    assertThat(counted.openIn()).isEqualTo(SUPPORT);
    assertThat(counted.reopened()).isFalse();
  }

  @Test
  void theFirstReplyCountsOneFirstResponseUnderTheAgentWhoRepliedWithItsTime() {
    FactCounter.Change reply =
        new FactCounter.Change(
            EventType.AGENT_REPLY,
            AT,
            SUPPORT,
            true,
            "agent-7",
            1_800_000,
            false,
            false,
            true,
            SUPPORT);

    FactCounter.Counted counted = FactCounter.count(reply);

    assertThat(texts(counted.kept()))
        .containsExactly("first response 1800000 ms chat|support|high|agent-7");
    assertThat(counted.backlog()).as("still open where it was counted").isEmpty();
    assertThat(counted.openIn()).isEqualTo(SUPPORT);
  }

  @Test
  void aLaterReplyCountsNothing() {
    FactCounter.Counted counted =
        FactCounter.count(change(EventType.AGENT_REPLY, false, false, true, SUPPORT));

    assertThat(counted.kept()).isEmpty();
    assertThat(counted.backlog()).isEmpty();
  }

  @Test
  void aSolveCountsOneSolvedAndLeavesTheBacklogWhereItWasCounted() {
    FactCounter.Counted counted =
        FactCounter.count(change(EventType.RESOLVED, false, true, false, BILLING));

    assertThat(texts(counted.kept())).containsExactly("solved chat|support|high|");
    assertThat(texts(counted.backlog())).containsExactly("backlog -1 chat|billing|high|");
    assertThat(counted.openIn()).isNull();
  }

  @Test
  void aReopenCountsOneReopenedAndEntersTheBacklogAgain() {
    FactCounter.Counted counted =
        FactCounter.count(change(EventType.CUSTOMER_MESSAGE, true, false, true, null));

    assertThat(texts(counted.kept())).containsExactly("reopened chat|support|high|");
    assertThat(texts(counted.backlog())).containsExactly("backlog +1 chat|support|high|");
    assertThat(counted.reopened()).isTrue();
  }

  @Test
  void aTeamChangeMovesTheTicketOutOfTheOldTeamAndIntoTheNew() {
    FactCounter.Counted counted =
        FactCounter.count(change(EventType.ASSIGNED, false, false, true, SUPPORT, BILLING));

    assertThat(counted.kept()).isEmpty();
    assertThat(texts(counted.backlog()))
        .containsExactly("backlog -1 chat|support|high|", "backlog +1 chat|billing|high|");
    assertThat(counted.openIn()).isEqualTo(BILLING);
  }

  @Test
  void aMergedTicketLeavesTheBacklogWithoutBeingSolved() {
    FactCounter.Counted counted =
        FactCounter.count(change(EventType.MERGED, false, false, false, SUPPORT));

    assertThat(counted.kept()).isEmpty();
    assertThat(texts(counted.backlog())).containsExactly("backlog -1 chat|support|high|");
    assertThat(counted.openIn()).isNull();
  }

  @Test
  void everyFactCarriesTheEventsTime() {
    FactCounter.Counted counted =
        FactCounter.count(change(EventType.TICKET_CREATED, false, false, true, null));

    assertThat(counted.kept()).extracting(f -> f.at).containsOnly(AT);
    assertThat(counted.backlog()).extracting(f -> f.at).containsOnly(AT);
  }

  private static FactCounter.Change change(
      EventType type, boolean wasSolved, boolean isSolved, boolean isOpen, Dimensions openIn) {
    return change(type, wasSolved, isSolved, isOpen, openIn, SUPPORT);
  }

  private static FactCounter.Change change(
      EventType type,
      boolean wasSolved,
      boolean isSolved,
      boolean isOpen,
      Dimensions openIn,
      Dimensions now) {
    return new FactCounter.Change(type, AT, now, false, "", 0, wasSolved, isSolved, isOpen, openIn);
  }

  private static List<String> texts(List<MetricFact> facts) {
    return facts.stream().map(FactCounterTest::text).toList();
  }

  private static String text(MetricFact f) {
    String what =
        f.created == 1
            ? "created"
            : f.firstResponses == 1
                ? "first response " + f.frtMs + " ms"
                : f.solved == 1
                    ? "solved"
                    : f.reopened == 1
                        ? "reopened"
                        : "backlog " + (f.backlogDelta > 0 ? "+" : "") + f.backlogDelta;
    return what + " " + f.dimensions.key();
  }
}
