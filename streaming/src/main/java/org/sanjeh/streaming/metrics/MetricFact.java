package org.sanjeh.streaming.metrics;

/**
 * One countable thing that happened to a ticket, with its event time and the dimensions it counts
 * under: a creation, a first response (with its time), a breach, a solve, a reopen, or a move of
 * the open backlog. The per-minute aggregator adds them up.
 */
public final class MetricFact {

  /** Event time, epoch ms. */
  public long at;

  public String channel = "";
  public String team = "";
  public String priority = "";
  public String agentId = "";

  public int created;
  public int firstResponses;

  /** First-response time in the policy's measure, ms; only when {@link #firstResponses} is 1. */
  public long frtMs;

  public int breaches;
  public int solved;
  public int reopened;
  public int backlogDelta;

  public MetricFact() {}

  /** The minute this fact falls in, epoch ms. */
  public long minute() {
    return Math.floorDiv(at, 60_000L) * 60_000L;
  }

  /** The aggregation key: the minute and the four dimensions. */
  public String key() {
    return minute() + "|" + channel + "|" + team + "|" + priority + "|" + agentId;
  }

  @Override
  public String toString() {
    return "MetricFact[at=%d %s created=%d fr=%d frtMs=%d breaches=%d solved=%d reopened=%d backlog=%d]"
        .formatted(
            at, key(), created, firstResponses, frtMs, breaches, solved, reopened, backlogDelta);
  }
}
