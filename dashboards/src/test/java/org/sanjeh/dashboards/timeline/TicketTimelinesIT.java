package org.sanjeh.dashboards.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketStatus;
import org.sanjeh.core.sla.ClockSegment;
import org.sanjeh.core.sla.ClockSegment.Kind;
import org.sanjeh.core.sla.PolicyFile;
import org.sanjeh.core.sla.SlaClock;
import org.sanjeh.core.sla.SlaStatus;
import org.sanjeh.core.sla.SlaTarget;
import org.sanjeh.core.sla.TargetReport;
import org.sanjeh.core.sla.TargetRun;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import org.sanjeh.warehouse.write.BatchedWriter;
import org.sanjeh.warehouse.write.EventWriter;

/**
 * Timelines read from a real ClickHouse: events stored as ingestion stores them, the policy read as
 * the streaming job reads it, the moment taken from the ticket's sla_tickets row. Tehran office
 * hours: Saturday to Wednesday 08:00-16:00, Thursday 08:00-12:00, Friday closed, Saturday
 * 2026-11-28 a holiday (Tehran is UTC+03:30 all year).
 */
@ExtendWith(ClickHouseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketTimelinesIT {

  static final String POLICY =
      """
      {"name": "tehran-office",
       "calendar": {"timezone": "Asia/Tehran",
                    "hours": {"sat": [["08:00", "16:00"]], "sun": [["08:00", "16:00"]],
                              "mon": [["08:00", "16:00"]], "tue": [["08:00", "16:00"]],
                              "wed": [["08:00", "16:00"]], "thu": [["08:00", "12:00"]]},
                    "holidays": ["2026-11-28"]},
       "business_time": true,
       "rules": [{"first_response_minutes": 240, "next_response_minutes": 480,
                  "resolution_minutes": 2880}]}
      """;

  /** A ticket id with a quote and a backslash: it must reach ClickHouse as a value. */
  static final String TICKET = "T-'1\\";

  static final Instant ROW_MOMENT = Instant.parse("2026-11-29T06:00:00Z");

  private final PolicyFile.Loaded policy = PolicyFile.parse(POLICY, "test policy");
  private List<TicketEvent> events;
  private TicketTimelines timelines;

  @BeforeAll
  void storeTheTickets(Warehouse warehouse) {
    events =
        List.of(
            event(
                "e1",
                TICKET,
                "2026-11-25T10:30:00Z",
                EventType.TICKET_CREATED,
                AuthorRole.CUSTOMER,
                null,
                "my order"),
            event(
                "e2",
                TICKET,
                "2026-11-25T11:30:00Z",
                EventType.STATUS_CHANGED,
                AuthorRole.AGENT,
                TicketStatus.PENDING,
                null),
            event(
                "e3",
                TICKET,
                "2026-11-25T12:00:00Z",
                EventType.CUSTOMER_MESSAGE,
                AuthorRole.CUSTOMER,
                null,
                "here it is"),
            event(
                "e4",
                TICKET,
                "2026-11-29T05:30:00Z",
                EventType.AGENT_REPLY,
                AuthorRole.AGENT,
                null,
                "done"),
            // the reply again, resent later by the help desk: the clocks ignore it
            event(
                "e4",
                TICKET,
                "2026-11-29T05:40:00Z",
                EventType.AGENT_REPLY,
                AuthorRole.AGENT,
                null,
                "done"),
            event(
                "f1",
                "T-2",
                "2026-11-25T10:30:00Z",
                EventType.TICKET_CREATED,
                AuthorRole.CUSTOMER,
                null,
                "hello"));
    try (EventWriter writer =
        new EventWriter(
            warehouse,
            new BatchedWriter.Settings(1_000, Duration.ZERO, 10_000),
            ZoneId.of("Asia/Tehran"),
            Clock.systemUTC())) {
      events.forEach(writer::add);
    }
    warehouse.execute(
        "INSERT INTO sla_tickets (ticket_id, as_of, policy, version) VALUES (?, ?, ?, ?)",
        List.of(TICKET, "2026-11-29 06:00:00", "tehran-office", ROW_MOMENT.toEpochMilli() * 1000));
    timelines = new TicketTimelines(warehouse, policy);
  }

  @Test
  void theFirstResponseShowsThePauseTheNightsTheWeekendAndTheHolidayAndMissesItsDeadline() {
    TicketTimeline timeline = timelines.timeline(TICKET).orElseThrow();

    // 1 h Wednesday, paused 30 min, 30 min more to the 16:00 close, then Thursday 08:00 on: the
    // 4 h target is reached after 2.5 h more, at 10:30 Tehran (07:00Z); the reply on Sunday (Friday
    // closed, Saturday a holiday) is 70.5 hours late
    TargetRun first = timeline.runs(SlaTarget.FIRST_RESPONSE).get(0);
    assertThat(first.segments())
        .containsExactly(
            segment("2026-11-25T10:30:00Z", "2026-11-25T11:30:00Z", Kind.COUNTED),
            segment("2026-11-25T11:30:00Z", "2026-11-25T12:00:00Z", Kind.PAUSED),
            segment("2026-11-25T12:00:00Z", "2026-11-25T12:30:00Z", Kind.COUNTED),
            segment("2026-11-25T12:30:00Z", "2026-11-26T04:30:00Z", Kind.OUTSIDE_HOURS),
            segment("2026-11-26T04:30:00Z", "2026-11-26T08:30:00Z", Kind.COUNTED),
            segment("2026-11-26T08:30:00Z", "2026-11-29T04:30:00Z", Kind.OUTSIDE_HOURS),
            segment("2026-11-29T04:30:00Z", "2026-11-29T05:30:00Z", Kind.COUNTED));
    assertThat(first.dueAt()).isEqualTo(Instant.parse("2026-11-26T07:00:00Z"));
    assertThat(first.status()).isEqualTo(SlaStatus.BREACHED);
    assertThat(first.counted()).isEqualTo(Duration.ofMinutes(390));
    assertThat(first.margin(timeline.asOf())).contains(Duration.ofMinutes(-(3 * 24 * 60 - 90)));
  }

  @Test
  void theTimelineIsAsOfTheTicketRowAndAgreesWithTheEngineThen() {
    TicketTimeline timeline = timelines.timeline(TICKET).orElseThrow();

    assertThat(timeline.asOf()).isEqualTo(ROW_MOMENT);
    assertThat(timeline.policy()).isEqualTo("tehran-office");
    assertThat(timeline.businessZone()).isEqualTo(ZoneId.of("Asia/Tehran"));
    SlaClock clock = new SlaClock(policy.policy(), policy.calendar());
    events.stream().filter(e -> e.ticketId().equals(TICKET)).forEach(clock::apply);
    for (SlaTarget which : List.of(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION)) {
      TargetReport report = clock.report(which, ROW_MOMENT);
      List<TargetRun> runs = timeline.runs(which);
      assertThat(runs).hasSize(1);
      assertThat(runs.get(0).status()).isEqualTo(report.status());
      assertThat(runs.get(0).counted()).isEqualTo(report.elapsedBusiness());
    }
    // resolution still runs at the row's moment: 6.5 h to the reply, 30 min more to 06:00Z
    assertThat(timeline.runs(SlaTarget.RESOLUTION).get(0).counted())
        .isEqualTo(Duration.ofMinutes(420));
  }

  @Test
  void theEventsComeInOrderWithTheResentReplyMarkedAsNotAppliedAndNoTexts() {
    TicketTimeline timeline = timelines.timeline(TICKET).orElseThrow();

    assertThat(timeline.events())
        .extracting(e -> e.eventId() + " " + e.type() + " " + e.status() + " " + e.applied())
        .containsExactly(
            "e1 ticket_created null true",
            "e2 status_changed pending true",
            "e3 customer_message null true",
            "e4 agent_reply null true",
            "e4 agent_reply null false");
    assertThat(timeline.events())
        .extracting(TimelineEvent::hasText)
        .containsExactly(true, false, true, true, true);
    assertThat(timeline.toString()).doesNotContain("my order").doesNotContain("here it is");
  }

  @Test
  void aTicketWithoutARowIsShownAsOfItsLastEventAndAnUnknownTicketHasNoTimeline() {
    TicketTimeline second = timelines.timeline("T-2").orElseThrow();

    assertThat(second.asOf()).isEqualTo(Instant.parse("2026-11-25T10:30:00Z"));
    assertThat(second.runs(SlaTarget.FIRST_RESPONSE).get(0).status()).isEqualTo(SlaStatus.RUNNING);
    assertThat(timelines.timeline("no-such-ticket")).isEmpty();
  }

  private static TicketEvent event(
      String id,
      String ticket,
      String at,
      EventType type,
      AuthorRole role,
      TicketStatus status,
      String text) {
    return TicketEvent.builder()
        .eventId(id)
        .ticketId(ticket)
        .occurredAt(Instant.parse(at))
        .type(type)
        .channel(Channel.EMAIL)
        .authorRole(role)
        .authorId(role == AuthorRole.AGENT ? "A-1" : "C-1")
        .customerId("C-1")
        .status(status)
        .body(text)
        .build();
  }

  private static ClockSegment segment(String from, String to, Kind kind) {
    return new ClockSegment(Instant.parse(from), Instant.parse(to), kind);
  }
}
