package org.sanjeh.batch.io;

import java.io.IOException;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.sanjeh.warehouse.RowBinaryOut;

/**
 * Writes one field of a Spark row in the RowBinary form of its ClickHouse column's type. Only the
 * types Sanjeh's batch tables use; any other is refused when the write starts, naming the column.
 */
interface ColumnWriter extends Serializable {

  void write(Row row, int field, RowBinaryOut out) throws IOException;

  static ColumnWriter forType(String table, String column, String clickHouseType) {
    if (clickHouseType.startsWith("Nullable(")) {
      ColumnWriter inner =
          forType(
              table,
              column,
              clickHouseType.substring("Nullable(".length(), clickHouseType.length() - 1));
      return (row, field, out) -> {
        if (row.isNullAt(field)) {
          out.uint8(1);
        } else {
          out.uint8(0);
          inner.write(row, field, out);
        }
      };
    }
    return switch (clickHouseType) {
      case "String" ->
          (row, f, out) -> out.string(row.isNullAt(f) ? "" : String.valueOf(row.get(f)));
      case "Date" -> (row, f, out) -> out.date(date(row.get(f)));
      case "DateTime" -> (row, f, out) -> out.dateTime(instant(row.get(f)));
      case "UInt8" -> (row, f, out) -> out.uint8((int) number(row.get(f)));
      case "UInt16" -> (row, f, out) -> out.uint16((int) number(row.get(f)));
      case "UInt32" -> (row, f, out) -> out.uint32(number(row.get(f)));
      case "Int32" -> (row, f, out) -> out.int32((int) number(row.get(f)));
        // two's complement little-endian: the same eight bytes for Int64 and UInt64
      case "UInt64", "Int64" -> (row, f, out) -> out.uint64(number(row.get(f)));
      case "Float64" ->
          (row, f, out) ->
              out.float64(row.isNullAt(f) ? Double.NaN : ((Number) row.get(f)).doubleValue());
      case "Array(String)" ->
          (row, f, out) -> out.stringArray(row.isNullAt(f) ? List.of() : row.<String>getList(f));
      default ->
          throw new IllegalArgumentException(
              "%s.%s has type %s, which the batch writer does not write; use String, Date, DateTime, (U)Int*, Float64 or Array(String)"
                  .formatted(table, column, clickHouseType));
    };
  }

  private static long number(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return ((Number) value).longValue();
  }

  private static LocalDate date(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    throw new IllegalArgumentException("not a date: " + value);
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return Instant.EPOCH;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof Number n) {
      return Instant.ofEpochSecond(n.longValue());
    }
    throw new IllegalArgumentException("not a timestamp: " + value);
  }
}
