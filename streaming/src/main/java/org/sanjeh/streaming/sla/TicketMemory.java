package org.sanjeh.streaming.sla;

import org.sanjeh.core.sla.SlaState;
import org.sanjeh.streaming.metrics.Dimensions;
import org.sanjeh.streaming.metrics.MetricFact;
import org.sanjeh.streaming.source.SlaEvent;

/**
 * Everything {@link SlaFunction} keeps for one ticket, in one state value so that an event costs
 * one read and one write: the SLA clocks, the ticket's current team and agent, which alerts were
 * raised for each target's current clock, the rows emitted and the timers set. A Flink POJO.
 */
public final class TicketMemory {

  static final byte AT_RISK = 1;
  static final byte BREACHED = 2;
  static final byte RECOVERED = 4;

  /** Enough for a long ticket's facts (each reopen adds two); a longer one keeps its first ones. */
  static final int MAX_COUNTED = 64;

  /** At most this many events are kept for reordering; older ones are folded into {@link #base}. */
  static final int MAX_LOG = 64;

  public SlaState sla = new SlaState();

  /**
   * The ticket's events within the allowed lateness of its newest one, in event-time order, and the
   * clock state before the oldest of them: a late event is put in its place and the clocks are
   * rebuilt from {@link #base} (null: from nothing).
   */
  public SlaEvent[] log = new SlaEvent[0];

  public SlaState base;

  /** The newest event folded into {@link #base}; nothing older can be put in order any more. */
  public long foldedUpTo = -1;

  /** The last row version emitted: versions only grow, whatever the row's event time. */
  public long lastVersion = -1;

  /**
   * Per target: when its breach alert said it breached (for a withdrawal to take the fact back).
   */
  public long[] breachAlertAt = {-1, -1, -1};

  /** The facts this ticket counted in sla_minute (backlog moves aside), for a deletion to undo. */
  public MetricFact[] counted = new MetricFact[0];

  public String team;
  public String agentId;

  /** Per target (first response, next response, resolution): the alerts raised, as bits. */
  public byte[] alerted = new byte[3];

  /** Per target: the clock start the alert bits belong to; a restarted clock clears them. */
  public long[] alertedClockStart = {-1, -1, -1};

  /** The event time of the last row emitted, and how many rows were emitted at that instant. */
  public long lastEmitAt = -1;

  public int rowsAtLastEmit;

  public long deadlineTimer = -1;
  public long cleanupTimer = -1;

  /** The dimensions the ticket counts under in the open backlog; null: not in it. */
  public Dimensions openIn;

  /**
   * The backlog position as state written before {@link Dimensions} held it: read from a restored
   * checkpoint once by {@link #backlogPosition()}, then never written again. Without them, every
   * ticket open at the upgrade would enter the backlog a second time.
   */
  public boolean open;

  public String openChannel;
  public String openTeam;
  public String openPriority;
  public String openAgent;

  public TicketMemory() {}

  /** {@link #openIn}, taken over from the fields of older state the first time it is asked. */
  Dimensions backlogPosition() {
    if (open && openIn == null) {
      openIn = Dimensions.of(openChannel, openTeam, openPriority, openAgent);
    }
    open = false;
    openChannel = openTeam = openPriority = openAgent = null;
    return openIn;
  }

  boolean logged(String eventId) {
    for (SlaEvent e : log) {
      if (e.eventId.equals(eventId)) {
        return true;
      }
    }
    return false;
  }

  /** Puts {@code event} in event-time order, after the events of the same instant. */
  void insert(SlaEvent event) {
    int at = log.length;
    while (at > 0 && log[at - 1].occurredAt > event.occurredAt) {
      at--;
    }
    SlaEvent[] longer = new SlaEvent[log.length + 1];
    System.arraycopy(log, 0, longer, 0, at);
    longer[at] = event;
    System.arraycopy(log, at, longer, at + 1, log.length - at);
    log = longer;
  }
}
