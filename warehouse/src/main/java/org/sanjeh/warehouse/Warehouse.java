package org.sanjeh.warehouse;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import ru.yandex.clickhouse.ClickHouseDataSource;
import ru.yandex.clickhouse.ClickHouseStatement;
import ru.yandex.clickhouse.domain.ClickHouseFormat;
import ru.yandex.clickhouse.settings.ClickHouseProperties;

/**
 * The one door to ClickHouse. Every driver detail lives here and in {@link RowBinaryOut}: the
 * legacy {@code ru.yandex.clickhouse} JDBC driver (the only one that speaks to both the 18.16
 * server in Debian and current servers), HTTP compression off (18.16 answers compressed requests
 * with empty bodies), one statement per request.
 */
public final class Warehouse {

  private static final int SOCKET_TIMEOUT_MS = 300_000;

  private final WarehouseConfig config;
  private final ClickHouseDataSource dataSource;

  private Warehouse(WarehouseConfig config) {
    this.config = config;
    this.dataSource = dataSource(config);
  }

  /** Connects, creating the database if it does not exist yet. */
  public static Warehouse connect(WarehouseConfig config) {
    Warehouse server = new Warehouse(config.withDatabase("default"));
    server.execute("CREATE DATABASE IF NOT EXISTS " + config.database());
    return new Warehouse(config);
  }

  public WarehouseConfig config() {
    return config;
  }

  public void execute(String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw failure("statement", sql, e);
    }
  }

  /** The first column of the first row as a long (counts, sums, versions). */
  public long queryLong(String sql) {
    List<Long> values = query(sql, row -> row.getLong(1));
    if (values.isEmpty()) {
      throw new WarehouseException("query returned no row: " + abbreviate(sql));
    }
    return values.get(0);
  }

  public <T> List<T> query(String sql, RowMapper<T> mapper) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    } catch (SQLException e) {
      throw failure("query", sql, e);
    }
  }

  /**
   * A query with bound values for its {@code ?} placeholders, in order: values from outside (a
   * dashboard filter, a request) are never spliced into the SQL text.
   */
  public <T> List<T> query(String sql, List<?> parameters, RowMapper<T> mapper) {
    try (Connection connection = dataSource.getConnection();
        java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
          result.add(mapper.map(rows));
        }
        return result;
      }
    } catch (SQLException e) {
      throw failure("query", sql, e);
    }
  }

  /** Streams rows into {@code table} in one INSERT, in RowBinary: the fast path for batches. */
  public void insert(String table, List<String> columns, RowsWriter rows) {
    String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ")";
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      ((ClickHouseStatement) statement)
          .write()
          .send(sql, stream -> rows.writeTo(new RowBinaryOut(stream)), ClickHouseFormat.RowBinary);
    } catch (SQLException e) {
      throw failure("insert", sql, e);
    }
  }

  /**
   * Inserts {@code count} rows with a JDBC PreparedStatement batch: the plain JDBC path, kept as
   * the benchmark's baseline for {@link #insert}.
   */
  public void insertPrepared(String table, List<String> columns, int count, RowBinder binder) {
    String sql =
        "INSERT INTO %s (%s) VALUES (%s)"
            .formatted(
                table,
                String.join(", ", columns),
                String.join(", ", java.util.Collections.nCopies(columns.size(), "?")));
    try (Connection connection = dataSource.getConnection();
        java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < count; i++) {
        binder.bind(i, statement, connection);
        statement.addBatch();
      }
      statement.executeBatch();
    } catch (SQLException e) {
      throw failure("insert", sql, e);
    }
  }

  /** Sets the parameters of row {@code index}. */
  @FunctionalInterface
  public interface RowBinder {
    void bind(int index, java.sql.PreparedStatement statement, Connection connection)
        throws SQLException;
  }

  /** Writes the rows of one insert. */
  @FunctionalInterface
  public interface RowsWriter {
    void writeTo(RowBinaryOut out) throws IOException;
  }

  private WarehouseException failure(String what, String sql, SQLException e) {
    String hint =
        isConnectionRefused(e)
            ? " Is ClickHouse running? Start it with ./sanjeh clickhouse start, or check "
                + config.describe()
                + "."
            : rootMessage(e).contains("doesn't exist")
                ? " Is the schema applied? Run ./sanjeh warehouse migrate."
                : "";
    return new WarehouseException(
        "%s failed on %s: %s%s\n  SQL: %s"
            .formatted(what, config.describe(), rootMessage(e), hint, abbreviate(sql)),
        e);
  }

  private static boolean isConnectionRefused(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.toString() : root.getMessage();
    return message.strip();
  }

  private static String abbreviate(String sql) {
    String flat = sql.replaceAll("\\s+", " ").strip();
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }

  private static ClickHouseDataSource dataSource(WarehouseConfig config) {
    ClickHouseProperties properties = new ClickHouseProperties();
    properties.setUser(config.user());
    properties.setPassword(config.password());
    properties.setCompress(false);
    properties.setDecompress(false);
    properties.setSocketTimeout(SOCKET_TIMEOUT_MS);
    properties.setUseServerTimeZone(false);
    properties.setUseTimeZone("UTC");
    String url =
        "jdbc:clickhouse://%s:%d/%s".formatted(config.host(), config.httpPort(), config.database());
    return new ClickHouseDataSource(url, properties);
  }
}
