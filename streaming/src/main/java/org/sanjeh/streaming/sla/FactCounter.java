package org.sanjeh.streaming.sla;

import java.util.ArrayList;
import java.util.List;
import org.sanjeh.core.event.EventType;
import org.sanjeh.streaming.metrics.Dimensions;
import org.sanjeh.streaming.metrics.MetricFact;

/**
 * What one applied event counts in {@code sla_minute}, from the ticket just before and just after
 * it: a creation, a first response (under the agent who replied, with its time), a solve or a
 * reopen, and the moves of the open backlog. Pure: no state, no Flink; {@link SlaFunction} keeps
 * the counted facts for a later deletion and sends them.
 */
final class FactCounter {

  private FactCounter() {}

  /**
   * An event applied to a ticket.
   *
   * @param type the event's type
   * @param at its event time, epoch ms
   * @param dimensions the ticket's dimensions after it
   * @param firstResponseNow whether this event fulfilled the first response
   * @param responder who replied (for a first response), {@code ""} if unknown
   * @param frtMs the first response's time in the policy's measure, when {@code firstResponseNow}
   * @param wasSolved solved before the event
   * @param isSolved solved after it
   * @param isOpen in the open backlog after it (not solved, merged or deleted)
   * @param openIn the dimensions it counted under in the backlog before it; null: not in it
   */
  record Change(
      EventType type,
      long at,
      Dimensions dimensions,
      boolean firstResponseNow,
      String responder,
      long frtMs,
      boolean wasSolved,
      boolean isSolved,
      boolean isOpen,
      Dimensions openIn) {}

  /**
   * What the change counts.
   *
   * @param kept facts a deletion of the ticket must take back (creation, response, solve, reopen)
   * @param backlog the backlog moves (a deletion moves the backlog by itself)
   * @param openIn the dimensions the ticket counts under in the backlog now; null: not in it
   * @param reopened whether the change reopened a solved ticket
   */
  record Counted(
      List<MetricFact> kept, List<MetricFact> backlog, Dimensions openIn, boolean reopened) {}

  static Counted count(Change c) {
    List<MetricFact> kept = new ArrayList<>(2);
    if (c.type() == EventType.TICKET_CREATED) {
      MetricFact created = fact(c.at(), c.dimensions());
      created.created = 1;
      kept.add(created);
    }
    if (c.firstResponseNow()) {
      MetricFact response = fact(c.at(), c.dimensions().withAgent(c.responder()));
      response.firstResponses = 1;
      response.frtMs = c.frtMs();
      kept.add(response);
    }
    boolean reopened = c.wasSolved() && !c.isSolved();
    if (!c.wasSolved() && c.isSolved()) {
      MetricFact solved = fact(c.at(), c.dimensions());
      solved.solved = 1;
      kept.add(solved);
    } else if (reopened) {
      MetricFact reopen = fact(c.at(), c.dimensions());
      reopen.reopened = 1;
      kept.add(reopen);
    }
    List<MetricFact> backlog = new ArrayList<>(2);
    Dimensions openIn = c.openIn();
    if (openIn != null && (!c.isOpen() || !openIn.equals(c.dimensions()))) {
      MetricFact out = fact(c.at(), openIn); // out where it was counted in, not where it is now
      out.backlogDelta = -1;
      backlog.add(out);
      openIn = null;
    }
    if (c.isOpen() && openIn == null) {
      MetricFact in = fact(c.at(), c.dimensions());
      in.backlogDelta = 1;
      backlog.add(in);
      openIn = c.dimensions();
    }
    return new Counted(kept, backlog, openIn, reopened);
  }

  private static MetricFact fact(long at, Dimensions dimensions) {
    MetricFact fact = new MetricFact();
    fact.at = at;
    fact.dimensions = dimensions;
    return fact;
  }
}
