package org.sanjeh.warehouse.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

  @Test
  void splitsAtSemicolonsAndDropsEmptyStatements() {
    assertThat(SqlScript.statements("SELECT 1;\n\n;SELECT 2;  "))
        .containsExactly("SELECT 1", "SELECT 2");
  }

  @Test
  void keepsSemicolonsInsideStringsAndQuotedNames() {
    String script = "INSERT INTO t VALUES ('a;b', 'it\\'s;'); SELECT `odd;name`, \"x;y\" FROM t";

    assertThat(SqlScript.statements(script))
        .containsExactly(
            "INSERT INTO t VALUES ('a;b', 'it\\'s;')", "SELECT `odd;name`, \"x;y\" FROM t");
  }

  @Test
  void ignoresSemicolonsInComments() {
    String script = "-- first; still a comment\nSELECT 1; /* a; b */ SELECT 2 -- tail;\n";

    assertThat(SqlScript.statements(script)).containsExactly("SELECT 1", "SELECT 2");
  }

  @Test
  void aScriptOfOnlyCommentsHasNoStatements() {
    assertThat(SqlScript.statements("-- nothing here;\n/* nor; here */")).isEmpty();
  }

  @Test
  void reportsUnterminatedStrings() {
    assertThatThrownBy(() -> SqlScript.statements("SELECT 'oops"))
        .hasMessageContaining("unterminated '-quoted text starting at character 7");
  }

  @Test
  void migrationNamesMustCarryAVersion() {
    assertThatThrownBy(() -> Migration.of("create_tables.sql", "SELECT 1"))
        .hasMessageContaining("V<number>__<words>.sql");
    assertThat(Migration.of("V012__add_things.sql", "SELECT 1").version()).isEqualTo(12);
  }

  @Test
  void checksumIgnoresLineEndingsButNotContent() {
    Migration unix = Migration.of("V1__a.sql", "SELECT 1;\nSELECT 2;\n");
    Migration windows = Migration.of("V1__a.sql", "SELECT 1;\r\nSELECT 2;\r\n");
    Migration changed = Migration.of("V1__a.sql", "SELECT 1;\nSELECT 3;\n");

    assertThat(windows.checksum()).isEqualTo(unix.checksum());
    assertThat(changed.checksum()).isNotEqualTo(unix.checksum());
  }
}
