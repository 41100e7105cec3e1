package org.sanjeh.survey.invite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResolvedTicketsConsumerTest {

  @Test
  void theLoopWaitsOneSecondAfterAFailureDoublingUpToThirtySecondsWellWithinThePollInterval() {
    assertThat(ResolvedTicketsConsumer.failureBackoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(ResolvedTicketsConsumer.failureBackoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(ResolvedTicketsConsumer.failureBackoff(5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(ResolvedTicketsConsumer.failureBackoff(6)).isEqualTo(Duration.ofSeconds(30));
    assertThat(ResolvedTicketsConsumer.failureBackoff(Integer.MAX_VALUE))
        .isEqualTo(Duration.ofSeconds(30))
        .isLessThan(Duration.ofMinutes(5)); // Kafka's default max.poll.interval.ms
  }
}
