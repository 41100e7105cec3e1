package org.sanjeh.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

@ExtendWith(ClickHouseExtension.class)
class WarehouseQueryIT {

  private final Warehouse warehouse;

  WarehouseQueryIT(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Test
  void boundValuesArriveAsValuesWhateverTheyContain() {
    String awkward = "it's a \\ back'slash' -- «فارسی» ; DROP TABLE x";

    List<String> echoed =
        warehouse.query(
            "SELECT ? AS value, toDate(?) AS day",
            List.of(awkward, "2026-11-30"),
            row -> row.getString(1) + "|" + row.getString(2));

    assertThat(echoed).containsExactly(awkward + "|2026-11-30");
  }

  @Test
  void aBoundValueCannotWidenACondition() {
    String sql = "SELECT count() FROM (SELECT arrayJoin(['a', 'b', 'c']) AS v) AS t WHERE v = ?";

    assertThat(warehouse.query(sql, List.of("a"), row -> row.getLong(1))).containsExactly(1L);
    assertThat(warehouse.query(sql, List.of("a' OR '1' = '1"), row -> row.getLong(1)))
        .containsExactly(0L);
  }

  @Test
  void aFailingBoundQueryNamesTheSql() {
    assertThatThrownBy(
            () -> warehouse.query("SELECT no_such_column WHERE 1 = ?", List.of(1), row -> 1))
        .isInstanceOf(WarehouseException.class)
        .hasMessageContaining("SQL: SELECT no_such_column WHERE 1 = ?");
  }
}
