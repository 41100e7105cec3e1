package org.sanjeh.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.calendar.IranCalendar;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketStatus;

/** The ticket worked through by hand in docs/metrics.md, step by step, so the page stays true. */
class WorkedExampleTest {

  private final SlaClock clock =
      new SlaClock(
          SlaPolicy.uniform("docs", SlaTargets.ofMinutes(60, 120, 480)), IranCalendar.standard());
  private int id;

  @Test
  void theTicketInDocsMetricsMd() {
    apply(
        "2024-05-08T15:30",
        EventType.TICKET_CREATED,
        AuthorRole.CUSTOMER,
        null,
        "My order is late");
    assertThat(report(SlaTarget.FIRST_RESPONSE, "2024-05-08T15:30").dueAt())
        .isEqualTo(tehran("2024-05-09T08:30"));
    assertThat(report(SlaTarget.FIRST_RESPONSE, "2024-05-08T15:30").atRiskAt())
        .isEqualTo(tehran("2024-05-09T08:15"));
    assertThat(report(SlaTarget.NEXT_RESPONSE, "2024-05-08T15:30").dueAt())
        .isEqualTo(tehran("2024-05-09T09:30"));

    apply(
        "2024-05-08T15:40", EventType.AGENT_REPLY, AuthorRole.SYSTEM, null, "We got your message");
    apply("2024-05-08T15:50", EventType.INTERNAL_NOTE, AuthorRole.AGENT, null, "courier?");
    apply(
        "2024-05-09T08:20",
        EventType.AGENT_REPLY,
        AuthorRole.AGENT,
        TicketStatus.PENDING,
        "It ships today");

    TargetReport first = report(SlaTarget.FIRST_RESPONSE, "2024-05-09T08:20");
    assertThat(first.status()).isEqualTo(SlaStatus.ACHIEVED);
    assertThat(first.elapsedBusiness()).isEqualTo(Duration.ofMinutes(50));
    assertThat(first.elapsedCalendar()).isEqualTo(Duration.ofMinutes(16 * 60 + 50));
    assertThat(report(SlaTarget.RESOLUTION, "2024-05-10T12:00").status())
        .isEqualTo(SlaStatus.PAUSED);

    apply(
        "2024-05-11T09:00",
        EventType.CUSTOMER_MESSAGE,
        AuthorRole.CUSTOMER,
        TicketStatus.OPEN,
        "Still nothing");
    apply("2024-05-11T11:30", EventType.AGENT_REPLY, AuthorRole.AGENT, null, "Refund sent");
    assertThat(clock.longestNextResponse()).contains(Duration.ofMinutes(150));

    apply("2024-05-11T12:00", EventType.RESOLVED, AuthorRole.AGENT, TicketStatus.SOLVED, null);
    TargetReport resolution = report(SlaTarget.RESOLUTION, "2024-05-11T12:00");
    assertThat(resolution.status()).isEqualTo(SlaStatus.ACHIEVED);
    assertThat(resolution.elapsedBusiness()).isEqualTo(Duration.ofMinutes(230));
    assertThat(resolution.paused()).isEqualTo(Duration.ofMinutes(48 * 60 + 40));
    assertThat(resolution.elapsedCalendar())
        .as("wall clock Wed 15:30 to Sat 12:00, pauses included")
        .isEqualTo(Duration.ofMinutes((2 * 24 + 20) * 60 + 30));

    apply(
        "2024-05-12T10:00",
        EventType.CUSTOMER_MESSAGE,
        AuthorRole.CUSTOMER,
        TicketStatus.OPEN,
        "It broke again");
    assertThat(report(SlaTarget.FIRST_RESPONSE, "2024-05-12T10:00").fulfilledAt())
        .as("first response is measured once per ticket")
        .isEqualTo(tehran("2024-05-09T08:20"));
    assertThat(report(SlaTarget.NEXT_RESPONSE, "2024-05-12T10:00").dueAt())
        .isEqualTo(tehran("2024-05-12T12:00"));
    apply("2024-05-12T12:30", EventType.AGENT_REPLY, AuthorRole.AGENT, null, "Replaced");
    assertThat(clock.nextResponseCycles()).isEqualTo(3);
    assertThat(clock.state().nextResponse.breachedCycles).isEqualTo(2);

    apply("2024-05-12T13:00", EventType.RESOLVED, AuthorRole.AGENT, TicketStatus.SOLVED, null);
    assertThat(report(SlaTarget.RESOLUTION, "2024-05-12T13:00").elapsedBusiness())
        .isEqualTo(Duration.ofMinutes(410));
    assertThat(report(SlaTarget.RESOLUTION, "2024-05-12T13:00").status())
        .isEqualTo(SlaStatus.ACHIEVED);
    assertThat(clock.state().firstResolutionBusinessMs)
        .isEqualTo(Duration.ofMinutes(230).toMillis());
  }

  private void apply(
      String local, EventType type, AuthorRole role, TicketStatus status, String body) {
    clock.apply(
        TicketEvent.builder()
            .eventId("e" + (++id))
            .ticketId("T-7")
            .occurredAt(tehran(local))
            .type(type)
            .channel(Channel.EMAIL)
            .authorRole(role)
            .status(status)
            .body(body)
            .build());
  }

  private TargetReport report(SlaTarget target, String local) {
    return clock.report(target, tehran(local));
  }

  private static Instant tehran(String local) {
    return ZonedDateTime.of(LocalDateTime.parse(local), IranCalendar.TEHRAN).toInstant();
  }
}
