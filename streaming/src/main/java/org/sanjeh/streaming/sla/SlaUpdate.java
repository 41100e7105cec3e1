package org.sanjeh.streaming.sla;

import org.sanjeh.streaming.metrics.Dimensions;

/**
 * One ticket's SLA state as of a moment (its latest event, or a deadline the watermark passed).
 * Written to {@code sla_tickets}; {@link #version} orders the rows of one ticket so the newest
 * wins, and is the same on a replay.
 */
public final class SlaUpdate {

  public String ticketId;

  /** Event time the state is reported at, epoch ms. */
  public long asOf;

  /** {@code asOf * 1000 + n}, n counting rows of this ticket at the same millisecond. */
  public long version;

  public String policy;

  /** Channel, team, priority and agent as of the row. */
  public Dimensions dimensions = new Dimensions();

  public String customerTier;
  public String ticketStatus;

  /** "merged" or "deleted" when the ticket left the metrics that way, else "". */
  public String removed = "";

  /** A bot talked with the customer and no person took over or replied. */
  public boolean botOnly;

  /** Completed periodic updates (public human reply to the next, while open), the longest, ms. */
  public int periodicUpdates;

  public long longestPeriodicUpdateMs = -1;

  /** Zendesk's requester wait (new, open, on hold) and agent work (new, open), policy's measure. */
  public long requesterWaitMs;

  public long agentWorkMs;

  public TargetRow firstResponse;
  public TargetRow nextResponse;
  public TargetRow resolution;
  public int nextResponseCycles;

  /** Completed next-response cycles whose reply came after the deadline. */
  public int nextResponseBreached;

  /** First resolution (to the first solve; {@link #resolution} runs to the last): -1 if none. */
  public long firstResolvedAt = -1;

  public long firstResolutionBusinessMs = -1;
  public long firstResolutionCalendarMs = -1;

  /** The longest completed next-response cycle in the policy's measure, ms; -1 if none. */
  public long nextResponseLongestMs = -1;

  public SlaUpdate() {}

  @Override
  public String toString() {
    return "SlaUpdate[%s asOf=%d fr=%s nr=%s res=%s]"
        .formatted(ticketId, asOf, firstResponse.status, nextResponse.status, resolution.status);
  }
}
