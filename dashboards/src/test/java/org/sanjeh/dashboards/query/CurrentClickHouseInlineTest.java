package org.sanjeh.dashboards.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The chdb test writes bound values into the SQL: as escaped literals, never as SQL. */
class CurrentClickHouseInlineTest {

  @Test
  void quotesAndBackslashesStayInsideTheLiteralAndNumbersArePlain() {
    assertThat(
            CurrentClickHouse.inline(
                "SELECT 1 WHERE team = ? AND n = ? AND x = '?'", List.of("o'k\\' OR 1=1 --", 42)))
        .isEqualTo("SELECT 1 WHERE team = 'o\\'k\\\\\\' OR 1=1 --' AND n = 42 AND x = '?'");
  }

  @Test
  void aPlaceholderCountThatDoesNotMatchIsRefused() {
    assertThatThrownBy(() -> CurrentClickHouse.inline("SELECT ?", List.of()))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> CurrentClickHouse.inline("SELECT 1", List.of("a")))
        .hasMessageContaining("1 parameters for 0 placeholders");
  }

  @Test
  void tabSeparatedFieldsAreUnescaped() {
    assertThat(CurrentClickHouse.rows("a\\tb\tc\\\\d\n\n2\t\\N\n"))
        .containsExactly(List.of("a\tb", "c\\d"), java.util.Arrays.asList("2", null));
  }
}
