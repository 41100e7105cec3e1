package org.sanjeh.batch.io;

import java.io.Serializable;
import java.util.Map;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;

/**
 * Where the warehouse is, in a form Spark can ship to its executors ({@link WarehouseConfig} is a
 * plain record). Each executor task opens its own {@link Warehouse} from it: connections are never
 * serialized. {@link #toString()} never shows the password.
 */
public final class ClickHouseLink implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String host;
  private final int httpPort;
  private final String database;
  private final String user;
  private final String password;

  private ClickHouseLink(WarehouseConfig config) {
    this.host = config.host();
    this.httpPort = config.httpPort();
    this.database = config.database();
    this.user = config.user();
    this.password = config.password();
  }

  public static ClickHouseLink of(WarehouseConfig config) {
    return new ClickHouseLink(config);
  }

  /** From the {@code SANJEH_CLICKHOUSE_*} variables, as every Sanjeh command reads them. */
  public static ClickHouseLink fromEnvironment(Map<String, String> env) {
    return of(WarehouseConfig.fromEnvironment(env));
  }

  public WarehouseConfig config() {
    return new WarehouseConfig(host, httpPort, database, user, password);
  }

  /** A warehouse for this task (creates the database when absent, as the migrations do). */
  public Warehouse open() {
    return Warehouse.lazy(config());
  }

  @Override
  public String toString() {
    return config().describe();
  }
}
