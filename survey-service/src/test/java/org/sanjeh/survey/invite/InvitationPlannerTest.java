package org.sanjeh.survey.invite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.survey.SurveyKind;

class InvitationPlannerTest {

  private static final Instant T0 = Instant.parse("2026-05-08T10:00:00Z");
  private final InvitationPlanner planner =
      new InvitationPlanner(InvitationPolicy.defaults(SurveyKind.CSAT));
  private int id;

  @Test
  void anInvitationIsDueAnHourAfterTheResolution() {
    planner.apply(resolved("T-1", "C-1", T0));

    assertThat(planner.due(T0.plus(Duration.ofMinutes(59)))).isEmpty();
    assertThat(planner.due(T0.plus(Duration.ofHours(1))))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.ticketId()).isEqualTo("T-1");
              assertThat(d.customerId()).isEqualTo("C-1");
              assertThat(d.at()).isEqualTo(T0.plus(Duration.ofHours(1)));
              assertThat(d.invite()).isTrue();
            });
  }

  @Test
  void aResolutionDeliveredTwiceIsDecidedOnce() {
    TicketEvent resolution = resolved("T-1", "C-1", T0);
    planner.apply(resolution);
    planner.apply(resolution);

    assertThat(planner.due(T0.plus(Duration.ofHours(2)))).hasSize(1);
  }

  @Test
  void aReopenBeforeTheInvitationCancelsIt() {
    planner.apply(resolved("T-1", "C-1", T0));
    planner.apply(event("T-1", "C-1", T0.plus(Duration.ofMinutes(20)), EventType.REOPENED));

    assertThat(planner.due(T0.plus(Duration.ofHours(2))))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.invite()).isFalse();
              assertThat(d.reason()).isEqualTo("reopened after it was solved");
            });
  }

  @Test
  void aCustomerIsInvitedAtMostOnceAWeekByDefault() {
    planner.apply(resolved("T-1", "C-1", T0));
    planner.apply(resolved("T-2", "C-1", T0.plus(Duration.ofDays(2))));
    planner.apply(resolved("T-3", "C-1", T0.plus(Duration.ofDays(8))));

    List<InvitationPlanner.Decision> decisions = planner.due(T0.plus(Duration.ofDays(9)));

    assertThat(decisions)
        .extracting(InvitationPlanner.Decision::invite)
        .containsExactly(true, false, true);
    assertThat(decisions.get(1).reason())
        .startsWith("customer already invited 1 time(s) within PT168H");
  }

  @Test
  void channelsTeamsAndSamplingAreRespectedAndDeterministic() {
    InvitationPlanner picky =
        new InvitationPlanner(
            new InvitationPolicy(
                SurveyKind.NPS,
                Duration.ZERO,
                Set.of(Channel.EMAIL),
                Set.of("billing"),
                10,
                Duration.ofDays(7),
                0.5));
    picky.apply(resolved("T-chat", "C-1", T0).toBuilder().channel(Channel.CHAT).build());
    picky.apply(resolved("T-sales", "C-2", T0).toBuilder().team("sales").build());
    for (int i = 0; i < 200; i++) {
      picky.apply(resolved("T-s" + i, "C-s" + i, T0));
    }

    List<InvitationPlanner.Decision> decisions = picky.due(T0);

    assertThat(decisions.get(0).reason()).isEqualTo("channel chat is not surveyed");
    assertThat(decisions.get(1).reason()).isEqualTo("team sales is not surveyed");
    long invited = decisions.stream().filter(InvitationPlanner.Decision::invite).count();
    assertThat(invited).isBetween(80L, 120L);
    assertThat(InvitationPlanner.sample("T-s7")).isEqualTo(InvitationPlanner.sample("T-s7"));
  }

  @Test
  void aCustomersInvitationIsForgottenOnceTheFatigueWindowHasPassedAndNotBefore() {
    for (int i = 0; i < 1_000; i++) {
      planner.apply(resolved("T-" + i, "C-" + i, T0));
    }
    assertThat(planner.due(T0.plus(Duration.ofHours(1)))).hasSize(1_000);
    assertThat(planner.customersHeld()).isEqualTo(1_000);

    planner.apply(resolved("T-again", "C-0", T0.plus(Duration.ofDays(3))));
    assertThat(planner.due(T0.plus(Duration.ofDays(4))))
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).startsWith("customer already invited 1 time(s)"));
    assertThat(planner.customersHeld()).as("still within the window").isEqualTo(1_000);

    planner.apply(resolved("T-new", "C-new", T0.plus(Duration.ofDays(8))));
    assertThat(planner.due(T0.plus(Duration.ofDays(9)))).singleElement().matches(d -> d.invite());
    assertThat(planner.customersHeld()).as("only the invitation of day 8 can skip anyone").isOne();

    planner.apply(resolved("T-later", "C-1", T0.plus(Duration.ofDays(9))));
    assertThat(planner.due(T0.plus(Duration.ofDays(10)))).singleElement().matches(d -> d.invite());
  }

  @Test
  void theFatigueMemoryHoldsAtMostItsBoundAndForgetsTheOldestInvitationsFirst() {
    InvitationPlanner bounded =
        new InvitationPlanner(InvitationPolicy.defaults(SurveyKind.CSAT), 1_000, 1_000, 100);
    for (int i = 0; i < 150; i++) {
      bounded.apply(resolved("T-" + i, "C-" + i, T0.plusSeconds(i)));
    }
    bounded.due(T0.plus(Duration.ofHours(2)));
    assertThat(bounded.customersHeld()).isEqualTo(100);

    bounded.apply(resolved("T-149b", "C-149", T0.plus(Duration.ofDays(1))));
    bounded.apply(resolved("T-50b", "C-50", T0.plus(Duration.ofDays(1)).plusSeconds(1)));
    bounded.apply(resolved("T-0b", "C-0", T0.plus(Duration.ofDays(1)).plusSeconds(2)));
    assertThat(bounded.due(T0.plus(Duration.ofDays(2))))
        .extracting(InvitationPlanner.Decision::invite)
        .as("the newest 100 still skip; the oldest, beyond the bound, is invited again")
        .containsExactly(false, false, true);
    assertThat(bounded.customersHeld()).isEqualTo(100);
  }

  @Test
  void aReopenIsHeldOnlyWhileAResolutionOfItsTicketWaits() {
    for (int i = 0; i < 1_000; i++) {
      planner.apply(event("T-open-" + i, "C-" + i, T0, EventType.REOPENED));
    }
    assertThat(planner.reopensHeld()).as("no resolution of theirs waits").isZero();

    planner.apply(resolved("T-1", "C-1", T0));
    planner.apply(event("T-1", "C-1", T0.plus(Duration.ofMinutes(20)), EventType.REOPENED));
    assertThat(planner.reopensHeld()).isOne();
    assertThat(planner.due(T0.plus(Duration.ofHours(2))))
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).isEqualTo("reopened after it was solved"));
    assertThat(planner.reopensHeld()).isZero();
  }

  @Test
  void aReopenIsKeptUntilTheLastWaitingResolutionOfItsTicketIsDecided() {
    planner.apply(resolved("T-1", "C-1", T0));
    planner.apply(resolved("T-1", "C-1", T0.plus(Duration.ofMinutes(30))));
    planner.apply(event("T-1", "C-1", T0.plus(Duration.ofMinutes(40)), EventType.REOPENED));

    assertThat(planner.due(T0.plus(Duration.ofHours(1)))).hasSize(1);
    assertThat(planner.reopensHeld()).isOne();
    assertThat(planner.due(T0.plus(Duration.ofHours(2))))
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).isEqualTo("reopened after it was solved"));
    assertThat(planner.reopensHeld()).isZero();
  }

  @Test
  void aDecisionNotTakenIsGivenAgainAndOnlyATakenOneCountsAgainstTheCustomer() {
    planner.apply(resolved("T-1", "C-1", T0));
    planner.apply(resolved("T-2", "C-1", T0.plusSeconds(1)));
    Instant later = T0.plus(Duration.ofHours(2));

    InvitationPlanner.Decision first = planner.next(later).orElseThrow();
    assertThat(planner.next(later)).contains(first);
    assertThat(first.invite()).isTrue();
    assertThat(planner.awaits(first.resolution().eventId())).isTrue();

    planner.taken(first);
    assertThat(planner.awaits(first.resolution().eventId())).isFalse();
    assertThat(planner.next(later).orElseThrow().invite()).as("C-1 was invited now").isFalse();
  }

  @Test
  void thePlannerIsFullAtItsBoundOfWaitingResolutions() {
    InvitationPlanner bounded =
        new InvitationPlanner(InvitationPolicy.defaults(SurveyKind.CSAT), 3, 1_000, 1_000);
    for (int i = 0; i < 3; i++) {
      assertThat(bounded.full()).isFalse();
      bounded.apply(resolved("T-" + i, "C-" + i, T0));
    }
    assertThat(bounded.full()).isTrue();
    bounded.due(T0.plus(Duration.ofHours(1)));
    assertThat(bounded.full()).isFalse();
  }

  private TicketEvent resolved(String ticket, String customer, Instant at) {
    return event(ticket, customer, at, EventType.RESOLVED).toBuilder().team("billing").build();
  }

  private TicketEvent event(String ticket, String customer, Instant at, EventType type) {
    return TicketEvent.builder()
        .eventId("e" + (++id))
        .ticketId(ticket)
        .customerId(customer)
        .occurredAt(at)
        .type(type)
        .channel(Channel.EMAIL)
        .authorRole(AuthorRole.AGENT)
        .build();
  }
}
