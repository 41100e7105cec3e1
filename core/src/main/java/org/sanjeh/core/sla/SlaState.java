package org.sanjeh.core.sla;

import java.io.Serializable;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.Priority;
import org.sanjeh.core.event.TicketStatus;

/**
 * The whole memory of one ticket's SLA clocks: a few dozen primitives, so millions of open tickets
 * fit in a streaming job's state. A plain POJO (public fields, no-argument constructor) so Flink
 * serializes it without Kryo. Instants are epoch milliseconds, -1 when absent. Read it through
 * {@link SlaClock}; the fields are public for serializers, not for callers.
 */
public final class SlaState implements Serializable {

  private static final long serialVersionUID = 1L;

  public TargetState firstResponse = new TargetState();
  public TargetState nextResponse = new TargetState();
  public TargetState resolution = new TargetState();

  public TicketStatus status;
  public Priority priority;
  public String customerTier;
  public Channel channel;

  /** A bot is talking with the customer: first response waits for the hand-off to a person. */
  public boolean botHandling;

  /** A bot wrote; a person took over (an assignment after the bot); a person replied publicly. */
  public boolean botTalked;

  public boolean handedOff;
  public boolean humanReplied;

  /**
   * Zendesk's requester wait (new, open, on hold) and agent work (new, open) times in the policy's
   * measure, up to {@link #statusSince}, the start of the current status (no status yet is new).
   */
  public long requesterWaitMs;

  public long agentWorkMs;
  public long statusSince = -1;

  /** Periodic update: the last public human reply while open, and the intervals between them. */
  public long lastPublicReplyAt = -1;

  public int periodicUpdates;
  public long longestPeriodicUpdateMs = -1;

  /** The customer's first message (or creation), epoch ms; -1 before it. */
  public long customerFirstAt = -1;

  public boolean solved;

  /** Merged into another ticket or deleted: every clock stopped, the ticket out of the metrics. */
  public boolean merged;

  public boolean deleted;

  /** The first solve: first resolution (Zendesk's measure); {@link #resolution} is the last. */
  public long firstResolvedAt = -1;

  public long firstResolutionBusinessMs = -1;
  public long firstResolutionCalendarMs = -1;

  /** The latest event applied. */
  public long lastEventAt = -1;

  /**
   * The ids of the last {@link #RECENT_IDS} events applied, oldest first: a resend is a duplicate
   * even when other events came in between.
   */
  public String[] recentIds = new String[0];

  public int lateEventsIgnored;
  public int duplicateEventsIgnored;

  /** How many recent event ids a ticket remembers for deduplication. */
  public static final int RECENT_IDS = 32;

  public SlaState() {}

  /** A deep copy (a streaming job rebuilds a ticket's clocks from an earlier state). */
  public SlaState copy() {
    try {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
        out.writeObject(this);
      }
      try (java.io.ObjectInputStream in =
          new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
        return (SlaState) in.readObject();
      }
    } catch (java.io.IOException | ClassNotFoundException e) {
      throw new IllegalStateException("an SLA state could not be copied", e);
    }
  }

  TargetState of(SlaTarget target) {
    return switch (target) {
      case FIRST_RESPONSE -> firstResponse;
      case NEXT_RESPONSE -> nextResponse;
      case RESOLUTION -> resolution;
    };
  }

  /** One target's clock. */
  public static final class TargetState implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * NOT_STARTED, ACTIVE (running or paused), FULFILLED, SET_ASIDE (a solve stopped it before it
     * was fulfilled; a reopen resumes it) or CANCELLED (stopped for good).
     */
    public byte phase;

    public long startedAt = -1;

    /**
     * The target (ms) the reached instants below were worked out for; -1 none, 0 not recorded
     * (state written before it was kept: the current target is adopted).
     */
    public long targetMs;

    /** Start of the current running segment; -1 while paused or not active. */
    public long runningSince = -1;

    public long pausedSince = -1;

    /** Business and wall-clock milliseconds of the closed running segments. */
    public long businessMs;

    public long calendarMs;
    public long pausedMs;
    public long fulfilledAt = -1;

    /** When a solve set it aside (or a merge cancelled it) unfulfilled; -1 otherwise. */
    public long stoppedAt = -1;

    /** When the measured time reached the target / the at-risk share, once it has. */
    public long dueReachedAt = -1;

    public long atRiskReachedAt = -1;

    /**
     * Next response only: completed cycles, those breached, the longest, in the policy's measure.
     */
    public int completedCycles;

    public int breachedCycles;

    public long longestCompletedMs = -1;

    public TargetState() {}

    static final byte NOT_STARTED = 0;
    static final byte ACTIVE = 1;
    static final byte FULFILLED = 2;
    static final byte CANCELLED = 3;
    static final byte SET_ASIDE = 4;

    void reset() {
      phase = NOT_STARTED;
      startedAt = -1;
      targetMs = 0;
      runningSince = -1;
      pausedSince = -1;
      businessMs = 0;
      calendarMs = 0;
      pausedMs = 0;
      fulfilledAt = -1;
      stoppedAt = -1;
      dueReachedAt = -1;
      atRiskReachedAt = -1;
    }
  }
}
