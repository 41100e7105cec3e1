package org.sanjeh.dashboards.viewer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanjeh.dashboards.query.Filters;

class FilterParametersTest {

  /** 22:00 UTC on 30 November is already 1 December in Tehran. */
  private final FilterParameters parameters =
      new FilterParameters(
          Clock.fixed(Instant.parse("2026-11-30T22:00:00Z"), ZoneOffset.UTC),
          ZoneId.of("Asia/Tehran"),
          7);

  @Test
  void withoutDatesTheRangeIsTheLastDaysOfTheBusinesssLocalCalendar() {
    Filters filters = parameters.read(Map.of(), Set.of());

    assertThat(filters.today()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(filters.to()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(filters.from()).isEqualTo(LocalDate.of(2026, 11, 25));
  }

  @Test
  void repeatedValuesOfAFilterAreAllKeptAndEmptyOnesIgnored() {
    Filters filters =
        parameters.read(
            Map.of("team", new String[] {"billing", "tech", ""}, "channel", new String[] {"chat"}),
            Set.of());

    assertThat(filters.teams()).containsExactlyInAnyOrder("billing", "tech");
    assertThat(filters.channels()).containsExactly("chat");
    assertThat(filters.priorities()).isEmpty();
  }

  @Test
  void aParameterThatIsNoFilterIsRefusedSoATypoNeverMeansEverything() {
    assertThatThrownBy(() -> parameters.read(Map.of("teams", new String[] {"x"}), Set.of()))
        .isInstanceOfSatisfying(
            BadRequestValue.class, e -> assertThat(e.field()).isEqualTo("teams"));
    assertThatThrownBy(() -> parameters.read(Map.of("at.team", new String[] {"x"}), Set.of()))
        .as("a tile's place only where the endpoint takes one")
        .isInstanceOf(BadRequestValue.class);
    assertThat(
            parameters.read(Map.of("at.team", new String[] {"x"}), Set.of(FilterParameters.TILE)))
        .isNotNull();
  }

  @Test
  void aDayThatIsNoDayIsRefusedNamingTheParameterAndTheValue() {
    assertThatThrownBy(() -> parameters.read(Map.of("to", new String[] {"30/11/2026"}), Set.of()))
        .isInstanceOfSatisfying(
            BadRequestValue.class,
            e -> {
              assertThat(e.field()).isEqualTo("to");
              assertThat(e.value()).isEqualTo("30/11/2026");
              assertThat(e.getMessage()).isEqualTo("to: '30/11/2026' is not a day (yyyy-MM-dd)");
            });
  }
}
