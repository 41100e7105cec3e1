package org.sanjeh.survey.invite;

import java.time.Duration;
import java.util.Set;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.survey.SurveyKind;

/**
 * When a resolved ticket earns its customer a survey invitation.
 *
 * @param delay how long after the resolution the invitation goes out (default 1 h), so a quick
 *     reopen cancels it
 * @param channels channels whose tickets are surveyed; empty means all
 * @param teams teams whose tickets are surveyed; empty means all
 * @param maxPerCustomer invitations per customer per {@code fatigueWindow} (default 1 per 7 days)
 * @param sampleShare the share of eligible tickets invited, 0..1 (default 1)
 */
public record InvitationPolicy(
    SurveyKind kind,
    Duration delay,
    Set<Channel> channels,
    Set<String> teams,
    int maxPerCustomer,
    Duration fatigueWindow,
    double sampleShare) {

  public InvitationPolicy {
    channels = Set.copyOf(channels);
    teams = Set.copyOf(teams);
    if (delay.isNegative()
        || maxPerCustomer < 1
        || fatigueWindow.isNegative()
        || sampleShare < 0
        || sampleShare > 1) {
      throw new IllegalArgumentException(
          "invitation policy: delay and fatigue window must not be negative, maxPerCustomer at least 1, sampleShare within 0..1");
    }
  }

  public static InvitationPolicy defaults(SurveyKind kind) {
    return new InvitationPolicy(
        kind, Duration.ofHours(1), Set.of(), Set.of(), 1, Duration.ofDays(7), 1.0);
  }
}
