package org.sanjeh.warehouse.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Loads the migrations shipped on the classpath, listed in order in {@code migrations.txt}. */
public final class Migrations {

  /** Sanjeh's own schema: {@code warehouse/src/main/resources/db/migration}. */
  public static final String SANJEH_SCHEMA = "db/migration";

  private Migrations() {}

  public static List<Migration> fromClasspath(String folder) {
    List<Migration> migrations = new ArrayList<>();
    for (String file : read(folder + "/migrations.txt").lines().toList()) {
      String name = file.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        migrations.add(Migration.of(name, read(folder + "/" + name)));
      }
    }
    checkVersionsUnique(migrations);
    migrations.sort(Comparator.comparingInt(Migration::version));
    return migrations;
  }

  public static List<Migration> sanjehSchema() {
    return fromClasspath(SANJEH_SCHEMA);
  }

  private static void checkVersionsUnique(List<Migration> migrations) {
    Set<Integer> seen = new HashSet<>();
    for (Migration migration : migrations) {
      if (!seen.add(migration.version())) {
        throw new IllegalStateException(
            "two migrations share version " + migration.version() + ": rename " + migration.name());
      }
    }
  }

  private static String read(String resource) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "migration resource "
                + resource
                + " is not on the classpath; list only existing files");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
