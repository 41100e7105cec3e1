package org.sanjeh.batch.io;

import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseException;

/**
 * Spark ↔ ClickHouse through {@code warehouse}'s driver: partitioned reads (one query per {@link
 * ReadPartition}, run on the executors) and batched RowBinary writes of {@value #DEFAULT_BATCH}
 * rows per insert, and {@link #replace}, which makes a job re-runnable: a re-run of a period leaves
 * exactly that run's rows for it, never two copies.
 */
public final class ClickHouseTables implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Rows per INSERT: ClickHouse wants 50k–100k, never a row at a time. */
  public static final int DEFAULT_BATCH = 100_000;

  /** Where a read's SQL takes each slice's condition. */
  public static final String SLICE = "$slice";

  private static final long MUTATION_WAIT_MS = 600_000;

  private final ClickHouseLink link;
  private final int batchSize;

  public ClickHouseTables(ClickHouseLink link) {
    this(link, DEFAULT_BATCH);
  }

  public ClickHouseTables(ClickHouseLink link, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    this.link = link;
    this.batchSize = batchSize;
  }

  public ClickHouseLink link() {
    return link;
  }

  /**
   * Reads {@code sql} once per slice, {@link #SLICE} replaced by the slice's condition, on the
   * executors, into rows of {@code schema} (columns in the SELECT's order). Types: String, Long,
   * Integer, Double, Boolean (from UInt8), Date, Timestamp (from DateTime, UTC).
   */
  public Dataset<Row> read(
      SparkSession spark, String sql, StructType schema, List<ReadPartition> slices) {
    if (!sql.contains(SLICE)) {
      throw new IllegalArgumentException("the read's SQL has no " + SLICE + " placeholder: " + sql);
    }
    ClickHouseLink where = link;
    DataType[] types = new DataType[schema.fields().length];
    for (int i = 0; i < types.length; i++) {
      types[i] = schema.fields()[i].dataType();
    }
    JavaRDD<Row> rows =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(slices, Math.max(1, slices.size()))
            .flatMap(
                slice -> {
                  String query = sql.replace(SLICE, slice.condition());
                  return where.open().query(query, result -> row(result, types)).iterator();
                });
    return spark.createDataFrame(rows, schema);
  }

  private static Row row(ResultSet result, DataType[] types) throws SQLException {
    Object[] values = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      values[i] = value(result, i + 1, types[i]);
    }
    return RowFactory.create(values);
  }

  private static Object value(ResultSet result, int column, DataType type) throws SQLException {
    Object raw = result.getObject(column);
    if (raw == null) {
      return null;
    }
    if (type.equals(DataTypes.StringType)) {
      return result.getString(column);
    } else if (type.equals(DataTypes.LongType)) {
      return result.getLong(column);
    } else if (type.equals(DataTypes.IntegerType)) {
      return result.getInt(column);
    } else if (type.equals(DataTypes.DoubleType)) {
      return result.getDouble(column);
    } else if (type.equals(DataTypes.BooleanType)) {
      return result.getInt(column) != 0;
    } else if (type.equals(DataTypes.DateType)) {
      return LocalDate.parse(result.getString(column));
    } else if (type.equals(DataTypes.TimestampType)) {
      LocalDateTime utc = result.getObject(column, LocalDateTime.class);
      return utc.toInstant(ZoneOffset.UTC);
    }
    throw new IllegalArgumentException("the batch reader does not read " + type + " columns");
  }

  /**
   * Appends {@code rows} to {@code table} in inserts of the batch size, each task with its own
   * connection. Columns are matched by name; every column of the Dataset must exist in the table.
   *
   * @return rows written
   */
  public long append(Dataset<Row> rows, String table) {
    Map<String, String> types = columnTypes(table);
    StructType schema = rows.schema();
    List<String> columns = new ArrayList<>();
    List<ColumnWriter> writers = new ArrayList<>();
    for (StructField field : schema.fields()) {
      String type = types.get(field.name());
      if (type == null) {
        throw new IllegalArgumentException(
            "table %s has no column %s (it has %s): is the schema applied? ./sanjeh warehouse migrate"
                .formatted(table, field.name(), types.keySet()));
      }
      columns.add(field.name());
      writers.add(ColumnWriter.forType(table, field.name(), type));
    }
    ClickHouseLink where = link;
    int batch = batchSize;
    Dataset<Row> cached = rows;
    long count = cached.count();
    cached
        .javaRDD()
        .foreachPartition(
            partition -> writePartition(where, table, columns, writers, batch, partition));
    return count;
  }

  private static void writePartition(
      ClickHouseLink link,
      String table,
      List<String> columns,
      List<ColumnWriter> writers,
      int batchSize,
      Iterator<Row> partition) {
    Warehouse warehouse = link.open();
    List<Row> buffer = new ArrayList<>(Math.min(batchSize, 16_384));
    while (partition.hasNext()) {
      buffer.add(partition.next());
      if (buffer.size() >= batchSize || !partition.hasNext()) {
        List<Row> batch = buffer;
        warehouse.insert(
            table,
            columns,
            out -> {
              for (Row row : batch) {
                for (int i = 0; i < writers.size(); i++) {
                  writers.get(i).write(row, i, out);
                }
              }
            });
        buffer = new ArrayList<>(Math.min(batchSize, 16_384));
      }
    }
  }

  /**
   * Makes {@code rows} the whole result for the period {@code periodCondition} selects in {@code
   * table}: writes them (each row carries {@code version} in the column {@code versionColumn}),
   * then deletes every older row of the period and waits until ClickHouse has. A re-run with the
   * same or different results leaves only its own rows; a row of the same key is replaced at once
   * for readers using FINAL ({@code ReplacingMergeTree(version)}), and rows the new run no longer
   * has are gone when this returns.
   */
  public long replace(
      Dataset<Row> rows, String table, String periodCondition, String versionColumn, long version) {
    long written = append(rows, table);
    Warehouse warehouse = link.open();
    warehouse.execute(
        "ALTER TABLE %s DELETE WHERE (%s) AND %s < %d"
            .formatted(table, periodCondition, versionColumn, version));
    awaitMutations(warehouse, table);
    return written;
  }

  /** A run's version: its start in milliseconds, so later runs always win. */
  public static long newVersion() {
    return Instant.now().toEpochMilli();
  }

  private void awaitMutations(Warehouse warehouse, String table) {
    long deadline = System.currentTimeMillis() + MUTATION_WAIT_MS;
    String sql =
        "SELECT count() FROM system.mutations WHERE database = '%s' AND table = '%s' AND is_done = 0"
            .formatted(link.config().database(), table);
    while (warehouse.queryLong(sql) > 0) {
      if (System.currentTimeMillis() > deadline) {
        throw new WarehouseException(
            "ClickHouse has not finished deleting the previous run's rows of %s after %d s; see system.mutations"
                .formatted(table, MUTATION_WAIT_MS / 1000));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WarehouseException("interrupted while waiting for " + table + "'s delete", e);
      }
    }
  }

  private Map<String, String> columnTypes(String table) {
    if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a table name: '" + table + "'");
    }
    Map<String, String> types = new LinkedHashMap<>();
    link.open()
        .query(
            "SELECT name, type FROM system.columns WHERE database = ? AND table = ?",
            List.of(link.config().database(), table),
            row -> types.put(row.getString(1), row.getString(2)));
    if (types.isEmpty()) {
      throw new IllegalArgumentException(
          "table %s does not exist in %s: run ./sanjeh warehouse migrate".formatted(table, link));
    }
    return types;
  }
}
