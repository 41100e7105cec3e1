package org.sanjeh.warehouse.migrate;

import java.util.List;
import org.sanjeh.warehouse.Warehouse;

/** A database of its own at an older schema version, for tests of what a migration does to data. */
final class OlderSchema {

  private OlderSchema() {}

  /** The shipped migrations up to and including {@code version}. */
  static List<Migration> upTo(int version) {
    return Migrations.sanjehSchema().stream().filter(m -> m.version() <= version).toList();
  }

  /** An empty database next to {@code warehouse}'s, named after it and {@code name}. */
  static Warehouse scratch(Warehouse warehouse, String name) {
    Warehouse scratch =
        Warehouse.connect(
            warehouse.config().withDatabase(warehouse.config().database() + "_" + name));
    for (String table : scratch.query("SHOW TABLES", row -> row.getString(1))) {
      scratch.execute("DROP TABLE IF EXISTS " + table);
    }
    return scratch;
  }
}
