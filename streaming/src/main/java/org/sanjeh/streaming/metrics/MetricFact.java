package org.sanjeh.streaming.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * One countable thing that happened to a ticket, with its event time and the dimensions it counts
 * under: a creation, a first response (with its time), a breach, a solve, a reopen, or a move of
 * the open backlog. The per-minute aggregator adds them up.
 */
public final class MetricFact {

  /** Event time, epoch ms. */
  public long at;

  /** What it counts under; shared with its copies, never changed. */
  public Dimensions dimensions = new Dimensions();

  public int created;
  public int firstResponses;

  /** First-response time in the policy's measure, ms; only when {@link #firstResponses} is 1. */
  public long frtMs;

  public int breaches;
  public int solved;
  public int reopened;
  public int backlogDelta;

  public MetricFact() {}

  public MetricFact copy() {
    MetricFact c = new MetricFact();
    c.at = at;
    c.dimensions = dimensions;
    c.created = created;
    c.firstResponses = firstResponses;
    c.frtMs = frtMs;
    c.breaches = breaches;
    c.solved = solved;
    c.reopened = reopened;
    c.backlogDelta = backlogDelta;
    return c;
  }

  /** The same fact taken back: every count negative, under its own minute and dimensions. */
  public MetricFact negated() {
    MetricFact n = copy();
    n.created = -created;
    n.firstResponses = -firstResponses;
    n.breaches = -breaches;
    n.solved = -solved;
    n.reopened = -reopened;
    n.backlogDelta = -backlogDelta;
    return n;
  }

  /** The minute this fact falls in, epoch ms. */
  public long minute() {
    return Math.floorDiv(at, 60_000L) * 60_000L;
  }

  /**
   * Adds {@code other} into this fact when both count under the same minute and dimensions and at
   * most one is a first response (a fact carries one response time); otherwise changes nothing.
   *
   * @return whether {@code other} was added
   */
  public boolean absorb(MetricFact other) {
    if (minute() != other.minute()
        || (firstResponses != 0 && other.firstResponses != 0)
        || !dimensions.equals(other.dimensions)) {
      return false;
    }
    created += other.created;
    if (other.firstResponses != 0) {
      firstResponses = other.firstResponses;
      frtMs = other.frtMs;
    }
    breaches += other.breaches;
    solved += other.solved;
    reopened += other.reopened;
    backlogDelta += other.backlogDelta;
    return true;
  }

  /** {@code facts} with every fact that another one before it could {@link #absorb} left out. */
  public static List<MetricFact> combine(List<MetricFact> facts) {
    if (facts.size() < 2) {
      return facts;
    }
    List<MetricFact> combined = new ArrayList<>(facts.size());
    next:
    for (MetricFact fact : facts) {
      for (MetricFact kept : combined) {
        if (kept.absorb(fact)) {
          continue next;
        }
      }
      combined.add(fact);
    }
    return combined;
  }

  @Override
  public String toString() {
    return "MetricFact[at=%d %s created=%d fr=%d frtMs=%d breaches=%d solved=%d reopened=%d backlog=%d]"
        .formatted(
            at,
            dimensions,
            created,
            firstResponses,
            frtMs,
            breaches,
            solved,
            reopened,
            backlogDelta);
  }
}
