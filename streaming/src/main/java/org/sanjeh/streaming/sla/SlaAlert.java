package org.sanjeh.streaming.sla;

import org.sanjeh.streaming.metrics.Dimensions;

/**
 * A target turned at risk, breached, or recovered (an alerted target was fulfilled, cancelled or
 * restarted). Written to {@code sla_alerts} and the {@code sla-alerts} Kafka topic; {@link
 * #alertId} is derived from what makes the alert unique, so a replay yields the same id and
 * consumers can drop the copies an at-least-once topic may deliver.
 */
public final class SlaAlert {

  public static final String AT_RISK = "at_risk";
  public static final String BREACHED = "breached";
  public static final String RECOVERED = "recovered";

  /** A late event showed the earlier at-risk or breach alert of this clock was wrong. */
  public static final String AT_RISK_WITHDRAWN = "at_risk_withdrawn";

  public static final String BREACH_WITHDRAWN = "breached_withdrawn";

  public String alertId;
  public String ticketId;

  /** first_response, next_response or resolution. */
  public String target;

  public String kind;

  /** When it happened in event time, epoch ms. */
  public long at;

  /** The target's deadline, epoch ms, -1 when unknown (paused). */
  public long dueAt = -1;

  public String policy;

  /** Channel, team, priority and agent when the threshold was crossed. */
  public Dimensions dimensions = new Dimensions();

  public SlaAlert() {}

  @Override
  public String toString() {
    return "SlaAlert[%s %s %s at %d]".formatted(ticketId, target, kind, at);
  }
}
