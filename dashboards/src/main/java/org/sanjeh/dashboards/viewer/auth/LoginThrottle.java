package org.sanjeh.dashboards.viewer.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Wrong keys allowed per minute, counted for all clients together: a guesser gains nothing by
 * changing address or cookie. Right keys are never throttled, so the limit cannot lock anybody out
 * for longer than the minute in which it was used up.
 */
final class LoginThrottle {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final int failuresPerWindow;
  private final Clock clock;
  private Instant windowStart = Instant.EPOCH;
  private int failures;

  LoginThrottle(int failuresPerWindow, Clock clock) {
    this.failuresPerWindow = failuresPerWindow;
    this.clock = clock;
  }

  /** Whether one more key may be tried now; counts it as a failure until {@link #succeeded}. */
  synchronized boolean tryAcquire() {
    Instant now = clock.instant();
    if (!now.isBefore(windowStart.plus(WINDOW))) {
      windowStart = now;
      failures = 0;
    }
    if (failures >= failuresPerWindow) {
      return false;
    }
    failures++;
    return true;
  }

  synchronized void succeeded() {
    failures = Math.max(0, failures - 1);
  }

  /** Seconds until a new key may be tried, for {@code Retry-After}. */
  synchronized long secondsToWait() {
    return Math.max(1, Duration.between(clock.instant(), windowStart.plus(WINDOW)).toSeconds());
  }
}
