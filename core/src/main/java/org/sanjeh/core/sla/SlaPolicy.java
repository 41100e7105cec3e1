package org.sanjeh.core.sla;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.Priority;
import org.sanjeh.core.event.TicketStatus;

/**
 * Which targets apply to a ticket, and how the clocks run.
 *
 * @param rules tried in order; the first whose conditions match the ticket gives the targets
 * @param pausingStatuses statuses that stop the clocks (default pending and on_hold)
 * @param atRiskShare the share of a target after which it is at risk (default 0.75)
 * @param businessTime true to count the calendar's business time, false for wall-clock time
 * @param firstResponseAtHandOff false (the default, Zendesk's way): first response starts at the
 *     customer's first message whether or not a bot answered; true: while a bot talks with the
 *     customer it starts at the hand-off to a person (an {@code assigned} event)
 */
public record SlaPolicy(
    String name,
    List<Rule> rules,
    Set<TicketStatus> pausingStatuses,
    double atRiskShare,
    boolean businessTime,
    boolean firstResponseAtHandOff) {

  public static final Set<TicketStatus> DEFAULT_PAUSING =
      EnumSet.of(TicketStatus.PENDING, TicketStatus.ON_HOLD);

  public static final double DEFAULT_AT_RISK_SHARE = 0.75;

  public SlaPolicy {
    rules = List.copyOf(rules);
    // an EnumSet, even when empty: Set.of().contains(null) throws, and most events carry no status
    pausingStatuses =
        pausingStatuses.isEmpty()
            ? EnumSet.noneOf(TicketStatus.class)
            : EnumSet.copyOf(pausingStatuses);
    if (!(atRiskShare > 0 && atRiskShare <= 1)) {
      throw new IllegalArgumentException("atRiskShare must be in (0, 1], got " + atRiskShare);
    }
  }

  /** A policy whose first response starts at the customer's first message. */
  public SlaPolicy(
      String name,
      List<Rule> rules,
      Set<TicketStatus> pausingStatuses,
      double atRiskShare,
      boolean businessTime) {
    this(name, rules, pausingStatuses, atRiskShare, businessTime, false);
  }

  /** One set of targets for every ticket, business time, default pauses and at-risk share. */
  public static SlaPolicy uniform(String name, SlaTargets targets) {
    return new SlaPolicy(
        name, List.of(Rule.always(targets)), DEFAULT_PAUSING, DEFAULT_AT_RISK_SHARE, true);
  }

  /** The targets of the first matching rule, or none. */
  public SlaTargets targetsFor(Priority priority, String customerTier, Channel channel) {
    for (Rule rule : rules) {
      if (rule.matches(priority, customerTier, channel)) {
        return rule.targets();
      }
    }
    return SlaTargets.NONE;
  }

  /** Whether {@code status} stops the clocks; a ticket with no status yet (null) runs. */
  public boolean pauses(TicketStatus status) {
    return status != null && pausingStatuses.contains(status);
  }

  /**
   * Targets for tickets that match every given condition; an empty set matches anything (a ticket
   * with no priority, tier or channel matches only empty conditions for it).
   */
  public record Rule(
      Set<Priority> priorities,
      Set<String> customerTiers,
      Set<Channel> channels,
      SlaTargets targets) {

    public Rule {
      priorities = Set.copyOf(priorities);
      customerTiers = Set.copyOf(customerTiers);
      channels = Set.copyOf(channels);
    }

    public static Rule always(SlaTargets targets) {
      return new Rule(Set.of(), Set.of(), Set.of(), targets);
    }

    boolean matches(Priority priority, String tier, Channel channel) {
      return allows(priorities, priority)
          && allows(customerTiers, tier)
          && allows(channels, channel);
    }

    /** Immutable sets throw on contains(null), and an unknown value matches only "any". */
    private static <T> boolean allows(Set<T> allowed, T value) {
      return allowed.isEmpty() || (value != null && allowed.contains(value));
    }
  }
}
