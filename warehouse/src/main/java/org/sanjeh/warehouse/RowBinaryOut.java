package org.sanjeh.warehouse;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ru.yandex.clickhouse.util.ClickHouseRowBinaryStream;

/**
 * Writes values in ClickHouse's RowBinary format, column by column, in table order. A thin shell
 * over the driver's stream so no caller outside this module sees the driver.
 */
public final class RowBinaryOut {

  private final ClickHouseRowBinaryStream stream;

  RowBinaryOut(ClickHouseRowBinaryStream stream) {
    this.stream = stream;
  }

  /** A String column; null is written as the empty string (columns are not Nullable). */
  public void string(String value) throws IOException {
    stream.writeString(value == null ? "" : value);
  }

  /** A String column holding raw bytes, which need not be valid UTF-8. */
  public void bytes(byte[] value) throws IOException {
    stream.writeUnsignedLeb128(value.length);
    stream.writeBytes(value);
  }

  public void stringArray(List<String> values) throws IOException {
    stream.writeUnsignedLeb128(values.size());
    for (String value : values) {
      string(value);
    }
  }

  public void uint8(int value) throws IOException {
    stream.writeUInt8(value);
  }

  public void uint16(int value) throws IOException {
    stream.writeUInt16(value);
  }

  public void uint32(long value) throws IOException {
    stream.writeUInt32(value);
  }

  public void uint64(long value) throws IOException {
    stream.writeUInt64(value);
  }

  public void int32(int value) throws IOException {
    stream.writeInt32(value);
  }

  public void float64(double value) throws IOException {
    stream.writeFloat64(value);
  }

  public void uint8Array(int[] values) throws IOException {
    stream.writeUnsignedLeb128(values.length);
    for (int value : values) {
      stream.writeUInt8(value);
    }
  }

  public void uint32Array(int[] values) throws IOException {
    stream.writeUnsignedLeb128(values.length);
    for (int value : values) {
      stream.writeUInt32(Integer.toUnsignedLong(value));
    }
  }

  /** A DateTime column from epoch milliseconds; negative (absent) is written as 0, 1970-01-01. */
  public void dateTimeMillis(long epochMillis) throws IOException {
    stream.writeUInt32(epochMillis < 0 ? 0 : epochMillis / 1000);
  }

  /** A DateTime column: whole seconds since the epoch, UTC. */
  public void dateTime(Instant value) throws IOException {
    stream.writeUInt32(value.getEpochSecond());
  }

  /** A Date column: days since the epoch. */
  public void date(LocalDate value) throws IOException {
    stream.writeUInt16((int) value.toEpochDay());
  }

  /** The millisecond part of an instant, for the {@code *_ms UInt16} companion columns. */
  public void millisOf(Instant value) throws IOException {
    stream.writeUInt16(value.getNano() / 1_000_000);
  }
}
