package org.sanjeh.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.calendar.BusinessCalendar;
import org.sanjeh.core.calendar.OpeningHours;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.Priority;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketStatus;

class SlaClockTest {

  /** Day 0 is Monday 2024-01-15 at 00:00 UTC; times below are "day HH:MM". */
  private static final Instant MONDAY = Instant.parse("2024-01-15T00:00:00Z");

  private static final BusinessCalendar ALWAYS = BusinessCalendar.always(ZoneOffset.UTC);
  private static final BusinessCalendar NINE_TO_FIVE =
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
          List.of());
  private static final SlaPolicy ONE_HOUR =
      SlaPolicy.uniform(
          "test", new SlaTargets(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(8)));

  private static final SlaPolicy HAND_OFF =
      new SlaPolicy(
          "hand-off",
          ONE_HOUR.rules(),
          SlaPolicy.DEFAULT_PAUSING,
          SlaPolicy.DEFAULT_AT_RISK_SHARE,
          true,
          true);

  private int nextId;

  @Test
  void onlyAPublicHumanReplyCountsAsTheFirstResponse() {
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    clock.apply(customerCreates(at(0, "10:00")));
    clock.apply(event(at(0, "10:05"), EventType.INTERNAL_NOTE, AuthorRole.AGENT));
    clock.apply(event(at(0, "10:06"), EventType.BOT_MESSAGE, AuthorRole.BOT));
    clock.apply(event(at(0, "10:07"), EventType.AGENT_REPLY, AuthorRole.SYSTEM)); // auto-reply
    clock.apply(reply(at(0, "10:40")));

    TargetReport first = clock.report(SlaTarget.FIRST_RESPONSE, at(0, "12:00"));
    assertThat(first.fulfilledAt()).isEqualTo(at(0, "10:40"));
    assertThat(first.elapsedBusiness()).isEqualTo(Duration.ofMinutes(40));
    assertThat(first.status()).isEqualTo(SlaStatus.ACHIEVED);
  }

  @Test
  void aReplyThatAlsoSetsPendingStillCountsAsTheFirstResponse() {
    // Zammad #3551: the reply and the status change arrive as one update.
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    clock.apply(customerCreates(at(0, "10:00")));
    clock.apply(reply(at(0, "10:30")).toBuilder().status(TicketStatus.PENDING).build());

    assertThat(clock.report(SlaTarget.FIRST_RESPONSE, at(0, "11:00")).status())
        .isEqualTo(SlaStatus.ACHIEVED);
  }

  @Test
  void theSameReplyAndPendingAsTwoEventsInEitherOrderAlsoCount() {
    for (boolean pendingFirst : new boolean[] {true, false}) {
      SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
      clock.apply(customerCreates(at(0, "10:00")));
      TicketEvent pending = status(at(0, "10:30"), TicketStatus.PENDING);
      TicketEvent reply = reply(at(0, "10:30"));
      clock.apply(pendingFirst ? pending : reply);
      clock.apply(pendingFirst ? reply : pending);

      assertThat(clock.report(SlaTarget.FIRST_RESPONSE, at(0, "11:00")).fulfilledAt())
          .as("pending first: %s", pendingFirst)
          .isEqualTo(at(0, "10:30"));
    }
  }

  @Test
  void anAgentCreatedTicketStartsItsClockAtTheCustomersFirstMessage() {
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    clock.apply(event(at(0, "09:00"), EventType.TICKET_CREATED, AuthorRole.AGENT));
    assertThat(clock.report(SlaTarget.FIRST_RESPONSE, at(0, "12:00")).status())
        .isEqualTo(SlaStatus.NOT_STARTED);

    clock.apply(customerMessage(at(0, "13:00")));
    clock.apply(reply(at(0, "13:20")));

    TargetReport first = clock.report(SlaTarget.FIRST_RESPONSE, at(0, "14:00"));
    assertThat(first.startedAt()).isEqualTo(at(0, "13:00"));
    assertThat(first.elapsedBusiness()).isEqualTo(Duration.ofMinutes(20));
  }

  @Test
  void reopeningResumesResolutionAndNeverRestartsTheFirstResponse() {
    // issue 12 rule 4 changed this test: a reopen used to restart the first response
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    clock.apply(customerCreates(at(0, "10:00")));
    clock.apply(reply(at(0, "10:10")));
    clock.apply(event(at(0, "11:00"), EventType.RESOLVED, AuthorRole.AGENT));
    clock.apply(event(at(0, "15:00"), EventType.REOPENED, AuthorRole.CUSTOMER));

    TargetReport first = clock.report(SlaTarget.FIRST_RESPONSE, at(0, "15:30"));
    assertThat(first.startedAt()).isEqualTo(at(0, "10:00"));
    assertThat(first.status()).isEqualTo(SlaStatus.ACHIEVED);
    assertThat(first.fulfilledAt()).isEqualTo(at(0, "10:10"));
    TargetReport resolution = clock.report(SlaTarget.RESOLUTION, at(0, "15:30"));
    assertThat(resolution.status()).isEqualTo(SlaStatus.RUNNING);
    assertThat(resolution.elapsedBusiness())
        .as("1h before the solve + 30 min since the reopen; the 4 solved hours do not count")
        .isEqualTo(Duration.ofMinutes(90));
    TargetReport next = clock.report(SlaTarget.NEXT_RESPONSE, at(0, "15:30"));
    assertThat(next.startedAt())
        .as("the reopening message starts a cycle")
        .isEqualTo(at(0, "15:00"));
    assertThat(next.status()).isEqualTo(SlaStatus.RUNNING);
  }

  @Test
  void theNextResponseTargetWorksAgainAfterASolveAndReopen() {
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    clock.apply(customerCreates(at(0, "10:00")));
    clock.apply(reply(at(0, "10:10")));
    clock.apply(customerMessage(at(0, "10:20")));
    clock.apply(status(at(0, "10:30"), TicketStatus.SOLVED));
    clock.apply(customerMessage(at(0, "12:00")).toBuilder().status(TicketStatus.OPEN).build());
    clock.apply(reply(at(0, "14:30")));
    clock.apply(status(at(0, "15:00"), TicketStatus.SOLVED));

    assertThat(clock.nextResponseCycles()).isEqualTo(2);
    assertThat(clock.state().nextResponse.breachedCycles)
        .as("10 min before the solve + 2 h 30 since the reopen > 2 h")
        .isEqualTo(1);
    assertThat(clock.longestNextResponse()).contains(Duration.ofMinutes(160));
    assertThat(clock.state().firstResolvedAt).isEqualTo(at(0, "10:30").toEpochMilli());
    assertThat(clock.state().firstResolutionBusinessMs)
        .isEqualTo(Duration.ofMinutes(30).toMillis());
    assertThat(clock.report(SlaTarget.RESOLUTION, at(0, "15:00")).elapsedBusiness())
        .as("full resolution: 30 min + 3 h")
        .isEqualTo(Duration.ofMinutes(210));
  }

  @Test
  void solvingWithoutAReplyKeepsABreachAlreadyIncurred() {
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    clock.apply(customerCreates(at(0, "10:00")));
    clock.apply(status(at(0, "11:30"), TicketStatus.SOLVED));

    TargetReport first = clock.report(SlaTarget.FIRST_RESPONSE, at(0, "12:00"));
    assertThat(first.status()).isEqualTo(SlaStatus.BREACHED);
    assertThat(first.stopped()).isTrue();
    assertThat(clock.report(SlaTarget.NEXT_RESPONSE, at(0, "12:00")).status())
        .as("due 12:00, not yet breached at the solve: set aside")
        .isEqualTo(SlaStatus.CANCELLED);
  }

  @Test
  void aReopenBeforeAnyReplyResumesASetAsideTargetWithTheTimeItHadUsed() {
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    clock.apply(customerCreates(at(0, "10:00")));
    clock.apply(status(at(0, "10:30"), TicketStatus.SOLVED));
    assertThat(clock.report(SlaTarget.FIRST_RESPONSE, at(0, "11:00")).status())
        .isEqualTo(SlaStatus.CANCELLED);
    clock.apply(event(at(0, "12:00"), EventType.REOPENED, AuthorRole.AGENT));

    TargetReport first = clock.report(SlaTarget.FIRST_RESPONSE, at(0, "12:10"));
    assertThat(first.status()).isEqualTo(SlaStatus.RUNNING);
    assertThat(first.startedAt()).isEqualTo(at(0, "10:00"));
    assertThat(first.elapsedBusiness()).isEqualTo(Duration.ofMinutes(40));
    assertThat(first.paused()).as("the time while solved").isEqualTo(Duration.ofMinutes(90));
    assertThat(first.dueAt()).isEqualTo(at(0, "12:30"));
  }

  @Test
  void aReplyWhileSolvedMeansAReopenDoesNotResumeTheSetAsideTarget() {
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    clock.apply(customerCreates(at(0, "10:00")));
    clock.apply(status(at(0, "10:30"), TicketStatus.SOLVED));
    clock.apply(reply(at(0, "10:40")));
    clock.apply(event(at(0, "12:00"), EventType.REOPENED, AuthorRole.AGENT));

    assertThat(clock.report(SlaTarget.FIRST_RESPONSE, at(0, "13:00")).status())
        .isEqualTo(SlaStatus.CANCELLED);
  }

  @Test
  void pendingPausesTheClocksAndMovesTheDeadline() {
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    clock.apply(customerCreates(at(0, "10:00")));
    clock.apply(status(at(0, "10:20"), TicketStatus.PENDING));

    TargetReport paused = clock.report(SlaTarget.FIRST_RESPONSE, at(0, "12:00"));
    assertThat(paused.status()).isEqualTo(SlaStatus.PAUSED);
    assertThat(paused.dueAt()).as("no deadline while paused").isNull();
    assertThat(paused.paused()).isEqualTo(Duration.ofMinutes(100));

    clock.apply(status(at(0, "12:00"), TicketStatus.OPEN));
    TargetReport resumed = clock.report(SlaTarget.FIRST_RESPONSE, at(0, "12:00"));
    assertThat(resumed.dueAt()).isEqualTo(at(0, "12:40"));
    // issue 12 rule 10 changed this: calendar time is wall-clock from the start, pauses included
    // (it was 20 minutes, the running time only); the paused time is reported beside it
    assertThat(resumed.elapsedCalendar()).isEqualTo(Duration.ofMinutes(120));
    assertThat(resumed.paused()).isEqualTo(Duration.ofMinutes(100));
    assertThat(resumed.measured(false)).isEqualTo(Duration.ofMinutes(20));
  }

  @Test
  void aCustomerMessageOnAPendingTicketResumesTheClocksUnlessItCarriesAStatus() {
    for (TicketStatus carried : new TicketStatus[] {null, TicketStatus.PENDING}) {
      SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
      clock.apply(customerCreates(at(0, "10:00")));
      clock.apply(reply(at(0, "10:10")).toBuilder().status(TicketStatus.PENDING).build());
      clock.apply(customerMessage(at(0, "11:00")).toBuilder().status(carried).build());

      TargetReport resolution = clock.report(SlaTarget.RESOLUTION, at(0, "11:30"));
      if (carried == null) {
        assertThat(resolution.status()).isEqualTo(SlaStatus.RUNNING);
        assertThat(resolution.elapsedBusiness()).isEqualTo(Duration.ofMinutes(40));
        assertThat(clock.state().status).isEqualTo(TicketStatus.OPEN);
      } else {
        assertThat(resolution.status())
            .as("the event keeps it pending")
            .isEqualTo(SlaStatus.PAUSED);
        assertThat(resolution.elapsedBusiness()).isEqualTo(Duration.ofMinutes(10));
      }
    }
  }

  @Test
  void businessHoursPushTheDeadlineOverTheNight() {
    SlaClock clock = new SlaClock(ONE_HOUR, NINE_TO_FIVE);
    clock.apply(customerCreates(at(0, "16:30")));

    TargetReport first = clock.report(SlaTarget.FIRST_RESPONSE, at(0, "16:45"));
    assertThat(first.dueAt()).isEqualTo(at(1, "09:30"));
    assertThat(first.atRiskAt()).as("75% of one hour").isEqualTo(at(1, "09:15"));
  }

  @Test
  void aLateReplyIsABreachEvenIfNoTimerFired() {
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    clock.apply(customerCreates(at(0, "10:00")));
    clock.apply(reply(at(0, "11:00:01")));

    TargetReport first = clock.report(SlaTarget.FIRST_RESPONSE, at(0, "11:30"));
    assertThat(first.status()).isEqualTo(SlaStatus.BREACHED);
    assertThat(first.dueAt()).as("the deadline it missed").isEqualTo(at(0, "11:00"));
  }

  @Test
  void aReplyExactlyAtTheDeadlineIsAchieved() {
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    clock.apply(customerCreates(at(0, "10:00")));
    clock.apply(reply(at(0, "11:00")));

    assertThat(clock.report(SlaTarget.FIRST_RESPONSE, at(0, "12:00")).status())
        .isEqualTo(SlaStatus.ACHIEVED);
  }

  @Test
  void aReplyAfterADeadlineThatFellOnTheClosingTimeIsABreach() {
    SlaClock clock = new SlaClock(ONE_HOUR, NINE_TO_FIVE);
    clock.apply(customerCreates(at(0, "16:00")));

    TargetReport open = clock.report(SlaTarget.FIRST_RESPONSE, at(0, "17:15"));
    assertThat(open.dueAt()).isEqualTo(at(0, "17:00"));
    assertThat(open.status()).as("still open after the deadline").isEqualTo(SlaStatus.BREACHED);
    assertThat(open.atRisk()).isFalse();

    clock.apply(reply(at(0, "17:30")));
    TargetReport first = clock.report(SlaTarget.FIRST_RESPONSE, at(0, "17:30"));
    assertThat(first.elapsedBusiness())
        .as("no business time after 17:00")
        .isEqualTo(Duration.ofHours(1));
    assertThat(first.status()).isEqualTo(SlaStatus.BREACHED);
    assertThat(Breach.breached(at(0, "17:00").toEpochMilli(), at(0, "17:30").toEpochMilli(), 0))
        .isTrue();
  }

  @Test
  void anUnansweredTicketBreachesOnceTheWatermarkPassesTheDeadline() {
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    clock.apply(customerCreates(at(0, "10:00")));

    assertThat(clock.report(SlaTarget.FIRST_RESPONSE, at(0, "10:44")).atRisk()).isFalse();
    assertThat(clock.report(SlaTarget.FIRST_RESPONSE, at(0, "10:45")).atRisk()).isTrue();
    assertThat(clock.report(SlaTarget.FIRST_RESPONSE, at(0, "11:00")).status())
        .isEqualTo(SlaStatus.RUNNING);
    assertThat(clock.report(SlaTarget.FIRST_RESPONSE, at(0, "11:00:01")).status())
        .isEqualTo(SlaStatus.BREACHED);
  }

  @Test
  void nextDeadlineGivesTheTimersAStreamingJobNeeds() {
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    clock.apply(customerCreates(at(0, "10:00")));

    assertThat(clock.nextDeadline(at(0, "10:00")))
        .contains(at(0, "10:45")); // first response at risk
    assertThat(clock.nextDeadline(at(0, "10:45"))).contains(at(0, "11:00")); // its breach
    assertThat(clock.nextDeadline(at(0, "11:00")))
        .contains(at(0, "11:30")); // next response at risk
    clock.apply(reply(at(0, "10:50")));
    clock.apply(event(at(0, "10:55"), EventType.RESOLVED, AuthorRole.AGENT));
    assertThat(clock.nextDeadline(at(0, "10:55"))).isEmpty();
  }

  @Test
  void nextResponseRunsFromTheOldestUnansweredCustomerMessage() {
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    clock.apply(customerCreates(at(0, "10:00")));
    clock.apply(reply(at(0, "10:10")));
    clock.apply(customerMessage(at(0, "11:00")));
    clock.apply(customerMessage(at(0, "11:30")));

    TargetReport next = clock.report(SlaTarget.NEXT_RESPONSE, at(0, "11:45"));
    assertThat(next.startedAt()).isEqualTo(at(0, "11:00"));
    assertThat(next.dueAt()).isEqualTo(at(0, "13:00"));

    clock.apply(reply(at(0, "12:15")));
    assertThat(clock.nextResponseCycles()).isEqualTo(2);
    assertThat(clock.longestNextResponse()).contains(Duration.ofMinutes(75));
  }

  @Test
  void aBotConversationStartsTheFirstResponseAtTheCustomersFirstMessage() {
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    clock.apply(customerMessage(at(0, "10:01")));
    clock.apply(event(at(0, "10:02"), EventType.BOT_MESSAGE, AuthorRole.BOT));
    clock.apply(event(at(0, "10:30"), EventType.ASSIGNED, AuthorRole.SYSTEM));
    clock.apply(reply(at(0, "10:40")));

    TargetReport first = clock.report(SlaTarget.FIRST_RESPONSE, at(0, "11:00"));
    assertThat(first.startedAt()).isEqualTo(at(0, "10:01"));
    assertThat(first.elapsedBusiness()).isEqualTo(Duration.ofMinutes(39));
    assertThat(clock.botOnly()).isFalse();
  }

  @Test
  void underAHandOffPolicyAReplyWithoutAHandOffCountsFromTheCustomersFirstMessage() {
    SlaClock clock = new SlaClock(HAND_OFF, ALWAYS);
    clock.apply(customerMessage(at(0, "10:01")));
    clock.apply(event(at(0, "10:02"), EventType.BOT_MESSAGE, AuthorRole.BOT));
    assertThat(clock.botOnly()).as("nobody took over yet").isTrue();
    assertThat(clock.report(SlaTarget.FIRST_RESPONSE, at(0, "10:10")).status())
        .isEqualTo(SlaStatus.NOT_STARTED);
    clock.apply(reply(at(0, "10:40")));

    TargetReport first = clock.report(SlaTarget.FIRST_RESPONSE, at(0, "11:00"));
    assertThat(first.fulfilledAt()).isEqualTo(at(0, "10:40"));
    assertThat(first.elapsedBusiness()).isEqualTo(Duration.ofMinutes(39));
    assertThat(clock.botOnly()).isFalse();
  }

  @Test
  void aBotConversationStartsTheFirstResponseAtTheHandOff() {
    // issue 12 rule 5: the hand-off start is now a policy option (HAND_OFF), not the default
    SlaClock clock = new SlaClock(HAND_OFF, ALWAYS);
    clock.apply(event(at(0, "10:00"), EventType.BOT_MESSAGE, AuthorRole.BOT));
    clock.apply(customerMessage(at(0, "10:01")));
    clock.apply(event(at(0, "10:02"), EventType.BOT_MESSAGE, AuthorRole.BOT));
    clock.apply(event(at(0, "10:30"), EventType.ASSIGNED, AuthorRole.SYSTEM));
    clock.apply(reply(at(0, "10:40")));

    TargetReport first = clock.report(SlaTarget.FIRST_RESPONSE, at(0, "11:00"));
    assertThat(first.startedAt()).isEqualTo(at(0, "10:30"));
    assertThat(first.elapsedBusiness()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void solvingWithoutAReplyCancelsTheResponseTargets() {
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    clock.apply(customerCreates(at(0, "10:00")));
    clock.apply(status(at(0, "10:30"), TicketStatus.SOLVED));

    assertThat(clock.report(SlaTarget.FIRST_RESPONSE, at(0, "12:00")).status())
        .isEqualTo(SlaStatus.CANCELLED);
    assertThat(clock.report(SlaTarget.RESOLUTION, at(0, "12:00")).status())
        .isEqualTo(SlaStatus.ACHIEVED);
  }

  @Test
  void lateAndDuplicateEventsAreIgnoredAndCounted() {
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    TicketEvent created = customerCreates(at(0, "10:00"));

    assertThat(clock.apply(created)).isEqualTo(SlaClock.Applied.APPLIED);
    assertThat(clock.apply(created)).isEqualTo(SlaClock.Applied.DUPLICATE);
    assertThat(clock.apply(customerMessage(at(0, "10:00")))).isEqualTo(SlaClock.Applied.APPLIED);
    clock.apply(status(at(0, "11:00"), TicketStatus.OPEN));
    assertThat(clock.apply(reply(at(0, "10:30")))).isEqualTo(SlaClock.Applied.LATE);

    assertThat(clock.state().lateEventsIgnored).isEqualTo(1);
    assertThat(clock.state().duplicateEventsIgnored).isEqualTo(1);
    assertThat(clock.report(SlaTarget.FIRST_RESPONSE, at(0, "11:00")).fulfilledAt()).isNull();
  }

  @Test
  void aResendIsADuplicateEvenWithEventsInBetween() {
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    TicketEvent created = customerCreates(at(0, "10:00"));
    TicketEvent reply = reply(at(0, "10:20"));
    clock.apply(created);
    clock.apply(reply);
    clock.apply(customerMessage(at(0, "10:30")));

    assertThat(clock.apply(created)).isEqualTo(SlaClock.Applied.DUPLICATE);
    assertThat(clock.apply(reply)).isEqualTo(SlaClock.Applied.DUPLICATE);
    assertThat(clock.state().duplicateEventsIgnored).isEqualTo(2);
    assertThat(clock.state().lateEventsIgnored).isZero();
  }

  @Test
  void targetsFollowThePriorityTierAndChannelRules() {
    SlaPolicy policy =
        new SlaPolicy(
            "tiered",
            List.of(
                new SlaPolicy.Rule(
                    Set.of(Priority.URGENT), Set.of(), Set.of(), SlaTargets.ofMinutes(15, 30, 240)),
                new SlaPolicy.Rule(
                    Set.of(),
                    Set.of("gold"),
                    Set.of(Channel.CHAT),
                    SlaTargets.ofMinutes(5, 10, 120)),
                SlaPolicy.Rule.always(SlaTargets.ofMinutes(60, 120, 480))),
            SlaPolicy.DEFAULT_PAUSING,
            SlaPolicy.DEFAULT_AT_RISK_SHARE,
            true);
    SlaClock clock = new SlaClock(policy, ALWAYS);
    clock.apply(
        customerCreates(at(0, "10:00")).toBuilder()
            .customerTier("gold")
            .channel(Channel.CHAT)
            .build());
    assertThat(clock.report(SlaTarget.FIRST_RESPONSE, at(0, "10:00")).dueAt())
        .isEqualTo(at(0, "10:05"));

    clock.apply(
        event(at(0, "10:01"), EventType.PRIORITY_CHANGED, AuthorRole.AGENT).toBuilder()
            .priority(Priority.URGENT)
            .build());
    assertThat(clock.report(SlaTarget.FIRST_RESPONSE, at(0, "10:01")).dueAt())
        .isEqualTo(at(0, "10:15"));
  }

  @Test
  void aPolicyWithNoPausingStatusesRunsEventsWithoutAStatus() {
    SlaPolicy noPauses =
        new SlaPolicy(
            "no-pauses",
            List.of(SlaPolicy.Rule.always(SlaTargets.ofMinutes(60, null, 480))),
            Set.of(),
            SlaPolicy.DEFAULT_AT_RISK_SHARE,
            true);
    SlaClock clock = new SlaClock(noPauses, ALWAYS);
    clock.apply(customerCreates(at(0, "10:00")));
    clock.apply(status(at(0, "10:10"), TicketStatus.PENDING));
    clock.apply(reply(at(0, "10:30")));

    TargetReport first = clock.report(SlaTarget.FIRST_RESPONSE, at(0, "11:00"));
    assertThat(first.status()).isEqualTo(SlaStatus.ACHIEVED);
    assertThat(first.paused()).isEqualTo(Duration.ZERO);
    assertThat(noPauses.pauses(null)).isFalse();
  }

  @Test
  void anotherPolicyFileGivesRunningTargetsItsTargetsFromTheirOriginalStart() {
    SlaClock clock = new SlaClock(ONE_HOUR, ALWAYS);
    clock.apply(customerCreates(at(0, "10:00")));
    clock.apply(reply(at(0, "10:50")));
    clock.apply(customerMessage(at(0, "11:00")));

    SlaPolicy tighter =
        SlaPolicy.uniform(
            "tighter",
            new SlaTargets(Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofHours(8)));
    SlaClock restored = SlaClock.restore(clock.state(), tighter, ALWAYS);

    assertThat(restored.report(SlaTarget.FIRST_RESPONSE, at(0, "12:00")).status())
        .as("fulfilled in 50 min under the old target: keeps its result")
        .isEqualTo(SlaStatus.ACHIEVED);
    TargetReport next = restored.report(SlaTarget.NEXT_RESPONSE, at(0, "11:10"));
    assertThat(next.dueAt()).isEqualTo(at(0, "11:30"));
    assertThat(next.target()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aMergeCancelsEveryUnfinishedTargetEvenABreachAndADeletionCancelsAll() {
    SlaClock merged = new SlaClock(ONE_HOUR, ALWAYS);
    merged.apply(customerCreates(at(0, "10:00")));
    merged.apply(
        event(at(0, "11:30"), EventType.MERGED, AuthorRole.AGENT).toBuilder()
            .mergedInto("T-2")
            .build());
    merged.apply(reply(at(0, "11:40")));

    assertThat(merged.report(at(0, "12:00")).values())
        .extracting(TargetReport::status)
        .containsOnly(SlaStatus.CANCELLED);
    assertThat(merged.removed()).isTrue();

    SlaClock deleted = new SlaClock(ONE_HOUR, ALWAYS);
    deleted.apply(customerCreates(at(0, "10:00")));
    deleted.apply(reply(at(0, "10:10")));
    deleted.apply(event(at(0, "10:20"), EventType.DELETED, AuthorRole.SYSTEM));
    assertThat(deleted.report(at(0, "12:00")).values())
        .extracting(TargetReport::status)
        .containsOnly(SlaStatus.CANCELLED);
  }

  @Test
  void theStateSurvivesSerializationAndTheRestoredClockCarriesOn() throws Exception {
    SlaClock clock = new SlaClock(ONE_HOUR, NINE_TO_FIVE);
    clock.apply(customerCreates(at(0, "16:30")));
    clock.apply(status(at(0, "16:40"), TicketStatus.PENDING));
    clock.apply(status(at(1, "10:00"), TicketStatus.OPEN));

    byte[] bytes = serialize(clock.state());
    SlaClock restored = SlaClock.restore(deserialize(bytes), ONE_HOUR, NINE_TO_FIVE);
    restored.apply(reply(at(1, "10:20")));

    TargetReport first = restored.report(SlaTarget.FIRST_RESPONSE, at(1, "11:00"));
    assertThat(first.elapsedBusiness()).isEqualTo(Duration.ofMinutes(30));
    assertThat(first.status()).isEqualTo(SlaStatus.ACHIEVED);
    // Java serialization spells every field name out; issue 12 added a few dozen fields (the bound
    // was
    // 1200 bytes); Flink's POJO serializer writes values only
    assertThat(bytes.length).as("compact state: %d bytes", bytes.length).isLessThan(2000);
  }

  private static byte[] serialize(SlaState state) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
      objects.writeObject(state);
    }
    return out.toByteArray();
  }

  private static SlaState deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (SlaState) objects.readObject();
    }
  }

  private TicketEvent customerCreates(Instant at) {
    return event(at, EventType.TICKET_CREATED, AuthorRole.CUSTOMER).toBuilder()
        .body("help")
        .build();
  }

  private TicketEvent customerMessage(Instant at) {
    return event(at, EventType.CUSTOMER_MESSAGE, AuthorRole.CUSTOMER);
  }

  private TicketEvent reply(Instant at) {
    return event(at, EventType.AGENT_REPLY, AuthorRole.AGENT);
  }

  private TicketEvent status(Instant at, TicketStatus status) {
    return event(at, EventType.STATUS_CHANGED, AuthorRole.AGENT).toBuilder().status(status).build();
  }

  private TicketEvent event(Instant at, EventType type, AuthorRole role) {
    return TicketEvent.builder()
        .eventId("e" + (++nextId))
        .ticketId("T-1")
        .occurredAt(at)
        .type(type)
        .channel(Channel.EMAIL)
        .authorRole(role)
        .build();
  }

  private static Instant at(int day, String time) {
    String[] parts = time.split(":");
    Duration offset =
        Duration.ofDays(day)
            .plusHours(Integer.parseInt(parts[0]))
            .plusMinutes(Integer.parseInt(parts[1]))
            .plusSeconds(parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
    return MONDAY.plus(offset);
  }
}
