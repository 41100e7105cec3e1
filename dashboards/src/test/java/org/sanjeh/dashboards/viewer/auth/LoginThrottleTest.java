package org.sanjeh.dashboards.viewer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(3, clock);

  @Test
  void afterTheWrongKeysOfAMinuteNoKeyIsTriedUntilTheMinuteIsOver() {
    assertThat(throttle.tryAcquire()).isTrue();
    assertThat(throttle.tryAcquire()).isTrue();
    assertThat(throttle.tryAcquire()).isTrue();
    assertThat(throttle.tryAcquire()).isFalse();
    clock.move(Duration.ofSeconds(45));
    assertThat(throttle.tryAcquire()).isFalse();
    assertThat(throttle.secondsToWait()).isEqualTo(15);
    clock.move(Duration.ofSeconds(15));
    assertThat(throttle.tryAcquire()).isTrue();
  }

  @Test
  void aRightKeyDoesNotUseUpTheLimit() {
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.tryAcquire()).isTrue();
      throttle.succeeded();
    }
  }

  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
