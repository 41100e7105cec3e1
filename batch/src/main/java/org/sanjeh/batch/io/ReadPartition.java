package org.sanjeh.batch.io;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * One slice of a read: a SQL condition that selects its rows, so that each Spark task runs one
 * query and the slices together cover the range exactly once. Months follow the tables' {@code
 * PARTITION BY toYYYYMM(..)} (a slice reads whole ClickHouse partitions); key buckets keep every
 * row of one key (a ticket, a customer) in the same slice, which per-ticket work needs.
 */
public record ReadPartition(String condition) implements Serializable {

  /**
   * Calendar months of {@code column} (a DateTime or Date) overlapping [from, to], both days
   * included, each clipped to the range.
   */
  public static List<ReadPartition> byMonth(String column, LocalDate from, LocalDate to) {
    checkColumn(column);
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    List<ReadPartition> slices = new ArrayList<>();
    for (YearMonth month = YearMonth.from(from);
        !month.isAfter(YearMonth.from(to));
        month = month.plusMonths(1)) {
      LocalDate start = max(month.atDay(1), from);
      LocalDate endExclusive = min(month.plusMonths(1).atDay(1), to.plusDays(1));
      slices.add(
          new ReadPartition(
              "%s >= toDateTime('%s 00:00:00') AND %s < toDateTime('%s 00:00:00')"
                  .formatted(column, start, column, endExclusive)));
    }
    return slices;
  }

  /** {@code buckets} slices by a hash of {@code keyColumn}: every key in exactly one of them. */
  public static List<ReadPartition> byKey(String keyColumn, int buckets) {
    checkColumn(keyColumn);
    if (buckets < 1) {
      throw new IllegalArgumentException("need at least one key bucket, got " + buckets);
    }
    List<ReadPartition> slices = new ArrayList<>();
    for (int i = 0; i < buckets; i++) {
      slices.add(new ReadPartition("cityHash64(%s) %% %d = %d".formatted(keyColumn, buckets, i)));
    }
    return slices;
  }

  /** Both conditions: e.g. key buckets within a time range. */
  public ReadPartition and(String otherCondition) {
    return new ReadPartition("(" + condition + ") AND (" + otherCondition + ")");
  }

  private static void checkColumn(String column) {
    if (!column.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a column name: '" + column + "'");
    }
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
