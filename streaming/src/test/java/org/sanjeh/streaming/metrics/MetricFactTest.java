package org.sanjeh.streaming.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricFactTest {

  private static final long NOON = 1_700_000_040_000L; // a minute's start

  @Test
  void factsOfTheSameMinuteAndDimensionsBecomeOne() {
    MetricFact created = fact(NOON + 1_000, "support");
    created.created = 1;
    MetricFact backlog = fact(NOON + 1_000, "support");
    backlog.backlogDelta = 1;
    MetricFact response = fact(NOON + 59_999, "support");
    response.firstResponses = 1;
    response.frtMs = 42_000;

    List<MetricFact> combined = MetricFact.combine(List.of(created, backlog, response));

    assertThat(combined).hasSize(1);
    MetricFact one = combined.get(0);
    assertThat(one.created).isEqualTo(1);
    assertThat(one.backlogDelta).isEqualTo(1);
    assertThat(one.firstResponses).isEqualTo(1);
    assertThat(one.frtMs).isEqualTo(42_000);
  }

  @Test
  void anotherMinuteAnotherTeamOrASecondResponseTimeStaySeparate() {
    MetricFact here = fact(NOON, "support");
    here.firstResponses = 1;
    here.frtMs = 1_000;
    MetricFact nextMinute = fact(NOON + 60_000, "support");
    nextMinute.solved = 1;
    MetricFact otherTeam = fact(NOON, "billing");
    otherTeam.backlogDelta = -1;
    MetricFact secondResponse = fact(NOON, "support");
    secondResponse.firstResponses = 1;
    secondResponse.frtMs = 2_000;

    List<MetricFact> combined =
        MetricFact.combine(List.of(here, nextMinute, otherTeam, secondResponse));

    assertThat(combined).containsExactly(here, nextMinute, otherTeam, secondResponse);
    assertThat(here.frtMs).isEqualTo(1_000);
  }

  private static MetricFact fact(long at, String team) {
    MetricFact fact = new MetricFact();
    fact.at = at;
    fact.dimensions = Dimensions.of("email", team, "high", "agent-1");
    return fact;
  }
}
