package org.sanjeh.core.sla;

import java.time.Duration;

/** Target durations; a null target is not measured. */
public record SlaTargets(Duration firstResponse, Duration nextResponse, Duration resolution) {

  public static final SlaTargets NONE = new SlaTargets(null, null, null);

  public SlaTargets {
    for (Duration target : new Duration[] {firstResponse, nextResponse, resolution}) {
      if (target != null && (target.isNegative() || target.isZero())) {
        throw new IllegalArgumentException("an SLA target must be positive, got " + target);
      }
    }
  }

  public static SlaTargets ofMinutes(
      Integer firstResponse, Integer nextResponse, Integer resolution) {
    return new SlaTargets(minutes(firstResponse), minutes(nextResponse), minutes(resolution));
  }

  public Duration of(SlaTarget target) {
    return switch (target) {
      case FIRST_RESPONSE -> firstResponse;
      case NEXT_RESPONSE -> nextResponse;
      case RESOLUTION -> resolution;
    };
  }

  private static Duration minutes(Integer minutes) {
    return minutes == null ? null : Duration.ofMinutes(minutes);
  }
}
