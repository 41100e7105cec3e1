package org.sanjeh.streaming.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketStatus;
import org.sanjeh.streaming.metrics.MetricFact;
import org.sanjeh.streaming.source.SlaEvent;
import org.sanjeh.streaming.testing.SlaEvents;

/** The SLA process function on Flink's operator harness: elements and watermarks in, rows out. */
class SlaFunctionTest {

  static final String POLICY = SlaEvents.POLICY;

  static final Instant T0 = SlaEvents.T0;

  KeyedOneInputStreamOperatorTestHarness<String, SlaEvent, SlaUpdate> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new SlaFunction(POLICY, Duration.ofDays(2)), e -> e.ticketId, Types.STRING);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void aReplyInTimeAchievesFirstResponseWithoutAlerts() throws Exception {
    send(event("e1", 0, EventType.TICKET_CREATED, AuthorRole.CUSTOMER));
    send(event("e2", 30, EventType.AGENT_REPLY, AuthorRole.AGENT));
    watermark(100);

    SlaUpdate last = lastRow();
    assertThat(last.firstResponse.status).isEqualTo("achieved");
    assertThat(last.firstResponse.fulfilledAt).isEqualTo(at(30));
    assertThat(last.firstResponse.calendarMs).isEqualTo(Duration.ofMinutes(30).toMillis());
    assertThat(last.resolution.status).isEqualTo("running");
    assertThat(alerts()).isEmpty();
    MetricFact firstResponse =
        facts().stream().filter(f -> f.firstResponses == 1).findFirst().orElseThrow();
    assertThat(firstResponse.frtMs).isEqualTo(Duration.ofMinutes(30).toMillis());
    assertThat(firstResponse.dimensions.agentId).isEqualTo("agent-1");
    assertThat(facts().stream().mapToInt(f -> f.created).sum()).isEqualTo(1);
    assertThat(facts().stream().mapToInt(f -> f.backlogDelta).sum()).isEqualTo(1);
    assertThat(facts().get(0).created).as("creation and backlog entry in one fact").isEqualTo(1);
    assertThat(facts().get(0).backlogDelta).isEqualTo(1);
  }

  @Test
  void timersRaiseAtRiskAndBreachWhenNoReplyComes() throws Exception {
    send(event("e1", 0, EventType.TICKET_CREATED, AuthorRole.CUSTOMER));
    watermark(46);
    assertThat(alertsAsText()).containsExactly("first_response at_risk " + at(45));

    watermark(61);
    assertThat(alertsAsText())
        .containsExactly("first_response at_risk " + at(45), "first_response breached " + at(60));
    assertThat(lastRow().firstResponse.status).isEqualTo("breached");
    assertThat(lastRow().asOf).isEqualTo(at(60) + 1);
    assertThat(facts().stream().filter(f -> f.breaches == 1).map(f -> f.at))
        .containsExactly(at(60));
  }

  @Test
  void aLateReplyGivesTheSameAlertsWhetherOrNotTheTimersFiredFirst() throws Exception {
    send(event("e1", 0, EventType.TICKET_CREATED, AuthorRole.CUSTOMER));
    watermark(62);
    send(event("e2", 70, EventType.AGENT_REPLY, AuthorRole.AGENT));
    List<String> timersFirst = alertsAsText();

    close();
    open();
    send(event("e1", 0, EventType.TICKET_CREATED, AuthorRole.CUSTOMER));
    send(event("e2", 70, EventType.AGENT_REPLY, AuthorRole.AGENT));
    watermark(100);

    assertThat(timersFirst)
        .containsExactly(
            "first_response at_risk " + at(45),
            "first_response breached " + at(60),
            "first_response recovered " + at(70));
    assertThat(alertsAsText()).isEqualTo(timersFirst);
    assertThat(lastRow().firstResponse.status).isEqualTo("breached");
  }

  @Test
  void aReplyAtTheVeryDeadlineMeetsIt() throws Exception {
    send(event("e1", 0, EventType.TICKET_CREATED, AuthorRole.CUSTOMER));
    watermark(59);
    send(event("e2", 60, EventType.AGENT_REPLY, AuthorRole.AGENT));
    watermark(100);

    assertThat(lastRow().firstResponse.status).isEqualTo("achieved");
    assertThat(alertsAsText())
        .containsExactly("first_response at_risk " + at(45), "first_response recovered " + at(60));
  }

  @Test
  void pendingPausesTheClockAndMovesTheDeadline() throws Exception {
    send(event("e1", 0, EventType.TICKET_CREATED, AuthorRole.CUSTOMER));
    SlaEvent pending = event("e2", 10, EventType.STATUS_CHANGED, AuthorRole.AGENT);
    pending.status = TicketStatus.PENDING;
    send(pending);
    SlaEvent open = event("e3", 40, EventType.STATUS_CHANGED, AuthorRole.AGENT);
    open.status = TicketStatus.OPEN;
    send(open);
    watermark(75);
    assertThat(alerts()).isEmpty(); // 10 min running, 30 paused, 25 running: not yet 45
    watermark(76);
    assertThat(alerts()).extracting(a -> a.kind).containsExactly("at_risk");
    assertThat(alerts().get(0).at).isEqualTo(at(75));
    watermark(91);
    assertThat(alerts()).extracting(a -> a.kind).containsExactly("at_risk", "breached");
    assertThat(alerts().get(1).at).isEqualTo(at(90));
    assertThat(lastRow().firstResponse.pausedMs).isEqualTo(Duration.ofMinutes(30).toMillis());
  }

  @Test
  void aPriorityChangeThatPutsTheDeadlineInThePastAlertsAtOnce() throws Exception {
    close();
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new SlaFunction(
                """
                {"name": "tiered", "calendar": {"timezone": "UTC", "hours": "always"},
                 "business_time": false,
                 "rules": [{"priorities": ["urgent"], "first_response_minutes": 30},
                           {"first_response_minutes": 60}]}
                """,
                Duration.ofDays(2)),
            e -> e.ticketId,
            Types.STRING);
    harness.open();
    send(event("e1", 0, EventType.TICKET_CREATED, AuthorRole.CUSTOMER));
    SlaEvent urgent = event("e2", 40, EventType.PRIORITY_CHANGED, AuthorRole.AGENT);
    urgent.priority = org.sanjeh.core.event.Priority.URGENT;
    send(urgent);

    assertThat(alertsAsText())
        .as("no watermark has passed minute 30: the event itself raises the alerts")
        .containsExactly(
            "first_response at_risk " + (at(22) + 30_000), "first_response breached " + at(30));
    assertThat(lastRow().firstResponse.status).isEqualTo("breached");
    assertThat(lastRow().firstResponse.dueAt).isEqualTo(at(30));
    assertThat(facts().stream().mapToInt(f -> f.breaches).sum()).isEqualTo(1);
  }

  @Test
  void aSolvedTicketIsForgottenAfterTheRetentionWithNoTimerLeft() throws Exception {
    send(event("e1", 0, EventType.TICKET_CREATED, AuthorRole.CUSTOMER));
    send(event("e2", 20, EventType.AGENT_REPLY, AuthorRole.AGENT));
    send(event("e3", 50, EventType.RESOLVED, AuthorRole.AGENT));
    assertThat(harness.numKeyedStateEntries()).isPositive();

    watermark(50 + 2 * 24 * 60 + 1);

    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(lastRow().resolution.status).isEqualTo("achieved");
    assertThat(facts().stream().mapToInt(f -> f.backlogDelta).sum()).isZero();
    assertThat(facts().stream().mapToInt(f -> f.solved).sum()).isEqualTo(1);
  }

  @Test
  void aDuplicateChangesNothingAndALateEventIsPutInEventTimeOrder() throws Exception {
    // issue 12 rules 2 and 9 changed this test: the late reply used to be ignored
    send(event("e1", 0, EventType.TICKET_CREATED, AuthorRole.CUSTOMER));
    send(event("e2", 30, EventType.CUSTOMER_MESSAGE, AuthorRole.CUSTOMER));
    int rows = harness.extractOutputValues().size();
    long version = lastRow().version;

    send(event("e1", 0, EventType.TICKET_CREATED, AuthorRole.CUSTOMER));
    assertThat(harness.extractOutputValues()).as("a resend").hasSize(rows);

    send(event("e0", 10, EventType.AGENT_REPLY, AuthorRole.AGENT));
    assertThat(lastRow().firstResponse.status).isEqualTo("achieved");
    assertThat(lastRow().firstResponse.fulfilledAt).isEqualTo(at(10));
    assertThat(lastRow().asOf).as("still as of the newest event").isEqualTo(at(30));
    assertThat(lastRow().version).isGreaterThan(version);
    assertThat(notes()).containsExactly("duplicate", "late");
    assertThat(facts().stream().mapToInt(f -> f.firstResponses).sum()).isEqualTo(1);
  }

  @Test
  void anEarlierReplyAfterATimerRowOutranksItAndWithdrawsTheAlerts() throws Exception {
    send(event("e1", 0, EventType.TICKET_CREATED, AuthorRole.CUSTOMER));
    watermark(61);
    SlaUpdate timerRow = lastRow();
    assertThat(timerRow.firstResponse.status).isEqualTo("breached");

    send(event("e2", 30, EventType.AGENT_REPLY, AuthorRole.AGENT));

    assertThat(lastRow().version).isGreaterThan(timerRow.version);
    assertThat(lastRow().firstResponse.status).isEqualTo("achieved");
    assertThat(alertsAsText())
        .containsExactly(
            "first_response at_risk " + at(45),
            "first_response breached " + at(60),
            "first_response breached_withdrawn " + (at(60) + 1),
            "first_response at_risk_withdrawn " + (at(60) + 1));
    assertThat(facts().stream().mapToInt(f -> f.breaches).sum()).isZero();
  }

  @Test
  void anEventBeyondTheAllowedLatenessGoesToTheDeadLettersWithTheReason() throws Exception {
    send(event("e1", 8 * 24 * 60, EventType.TICKET_CREATED, AuthorRole.CUSTOMER));
    send(event("e0", 0, EventType.CUSTOMER_MESSAGE, AuthorRole.CUSTOMER));

    var dead = harness.getSideOutput(SlaFunction.TOO_LATE);
    assertThat(dead).hasSize(1);
    assertThat(dead.peek().getValue().reason)
        .contains("allowed lateness")
        .contains("PT168H")
        .contains(T0.toString());
    assertThat(notes()).containsExactly("dropped");
    assertThat(lastRow().firstResponse.startedAt).isEqualTo(at(8 * 24 * 60));
  }

  @Test
  void theTicketsEventsAreKeptOnlyWithinTheAllowedLateness() throws Exception {
    send(event("e1", 0, EventType.TICKET_CREATED, AuthorRole.CUSTOMER));
    send(event("e2", 10, EventType.AGENT_REPLY, AuthorRole.AGENT));
    send(event("e3", 8 * 24 * 60, EventType.CUSTOMER_MESSAGE, AuthorRole.CUSTOMER));

    TicketMemory memory = memoryOf("T-1");
    assertThat(memory.log).extracting(e -> e.eventId).containsExactly("e3");
    assertThat(memory.base.lastEventAt).isEqualTo(at(10));
    assertThat(memory.foldedUpTo).isEqualTo(at(10));
  }

  @Test
  void aLateEventAfterOlderEventsWereFoldedAwayIsRebuiltFromTheBase() throws Exception {
    int day = 24 * 60;
    send(event("e1", 0, EventType.TICKET_CREATED, AuthorRole.CUSTOMER));
    send(event("e2", 10, EventType.AGENT_REPLY, AuthorRole.AGENT));
    send(event("e3", 8 * day, EventType.CUSTOMER_MESSAGE, AuthorRole.CUSTOMER));
    send(event("e4", 7 * day + 12 * 60, EventType.CUSTOMER_MESSAGE, AuthorRole.CUSTOMER));

    SlaUpdate last = lastRow();
    assertThat(last.firstResponse.fulfilledAt).as("from the base").isEqualTo(at(10));
    assertThat(last.nextResponse.startedAt)
        .as("the oldest unanswered message, which came last")
        .isEqualTo(at(7 * day + 12 * 60));
    assertThat(last.nextResponseCycles).isEqualTo(1);
    assertThat(notes()).containsExactly("late");
  }

  @Test
  void aTeamChangeMovesTheTicketInTheBacklog() throws Exception {
    send(event("e1", 0, EventType.TICKET_CREATED, AuthorRole.CUSTOMER));
    SlaEvent moved = event("e2", 5, EventType.ASSIGNED, AuthorRole.AGENT);
    moved.team = "billing";
    send(moved);

    Map<String, Integer> backlogByTeam =
        facts().stream()
            .collect(
                Collectors.groupingBy(
                    f -> f.dimensions.team, Collectors.summingInt(f -> f.backlogDelta)));
    assertThat(backlogByTeam).containsEntry("support", 0).containsEntry("billing", 1);
  }

  @Test
  void rowVersionsGrowWithEventTime() throws Exception {
    send(event("e1", 0, EventType.TICKET_CREATED, AuthorRole.CUSTOMER));
    send(event("e2", 0, EventType.CUSTOMER_MESSAGE, AuthorRole.CUSTOMER));
    send(event("e3", 1, EventType.AGENT_REPLY, AuthorRole.AGENT));

    assertThat(harness.extractOutputValues())
        .extracting(r -> r.version)
        .containsExactly(at(0) * 1000, at(0) * 1000 + 1, at(1) * 1000);
  }

  // --- helpers

  static long at(int minutes) {
    return SlaEvents.at(minutes);
  }

  static SlaEvent event(String id, int minute, EventType type, AuthorRole role) {
    return SlaEvents.event(id, "T-1", minute, type, role);
  }

  void send(SlaEvent event) throws Exception {
    harness.processElement(new StreamRecord<>(event, event.occurredAt));
  }

  void watermark(int minute) throws Exception {
    harness.processWatermark(at(minute));
  }

  SlaUpdate lastRow() {
    List<SlaUpdate> rows = harness.extractOutputValues();
    return rows.get(rows.size() - 1);
  }

  List<SlaAlert> alerts() {
    return harness.getSideOutput(SlaFunction.ALERTS) == null
        ? List.of()
        : harness.getSideOutput(SlaFunction.ALERTS).stream().map(StreamRecord::getValue).toList();
  }

  List<String> alertsAsText() {
    return alerts().stream().map(a -> a.target + " " + a.kind + " " + a.at).toList();
  }

  List<String> notes() {
    return harness.getSideOutput(SlaFunction.EVENT_NOTES) == null
        ? List.of()
        : harness.getSideOutput(SlaFunction.EVENT_NOTES).stream()
            .map(StreamRecord::getValue)
            .toList();
  }

  TicketMemory memoryOf(String ticket) throws Exception {
    harness.getOperator().setCurrentKey(ticket);
    return harness
        .getOperator()
        .getKeyedStateStore()
        .getState(
            new org.apache.flink.api.common.state.ValueStateDescriptor<>(
                "ticket", TicketMemory.class))
        .value();
  }

  List<MetricFact> facts() {
    return harness.getSideOutput(SlaFunction.FACTS) == null
        ? List.of()
        : harness.getSideOutput(SlaFunction.FACTS).stream().map(StreamRecord::getValue).toList();
  }
}
