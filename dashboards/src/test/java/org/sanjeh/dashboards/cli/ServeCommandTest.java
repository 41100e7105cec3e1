package org.sanjeh.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

  @Test
  void theDemoKeyIsMadeOnceReadableByTheOwnerOnlyAndKeptAfterwards(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("var/dashboards/viewer-key");

    ServeCommand.ensureKey(file);
    String first = Files.readString(file);
    ServeCommand.ensureKey(file);

    assertThat(first.strip()).hasSize(48).matches("[0-9a-f]+");
    assertThat(Files.readString(file)).isEqualTo(first);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  }

  @Test
  void theOptionsBecomeTheViewersSettings(@TempDir Path dir) {
    ServeCommand command = new ServeCommand();
    new CommandLine(command)
        .parseArgs(
            "--port",
            "0",
            "--clickhouse-url",
            "http://ch.internal:8123",
            "--database",
            "cx",
            "--business-timezone",
            "Asia/Tehran",
            "--refresh",
            "2");

    Map<String, String> properties = command.properties(dir.resolve("key"));

    assertThat(properties)
        .containsEntry("server.port", "0")
        .containsEntry("server.address", "127.0.0.1")
        .containsEntry("sanjeh.viewer.clickhouse-host", "ch.internal")
        .containsEntry("sanjeh.viewer.clickhouse-http-port", "8123")
        .containsEntry("sanjeh.viewer.clickhouse-database", "cx")
        .containsEntry("sanjeh.viewer.business-timezone", "Asia/Tehran")
        .containsEntry("sanjeh.viewer.refresh", "PT2S")
        .containsEntry(
            "sanjeh.viewer.api-key-file", dir.resolve("key").toAbsolutePath().toString());
  }

  @Test
  void aClickHouseUrlThatIsNotHttpHostPortOrASlowRefreshIsAUsageError(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new ServeCommand()).setErr(new PrintWriter(err));

    int code =
        commandLine.execute(
            "--clickhouse-url", "ch.internal:8123", "--key-file", dir.resolve("k").toString());
    int slow = commandLine.execute("--refresh", "30", "--key-file", dir.resolve("k").toString());

    assertThat(code).isEqualTo(2);
    assertThat(slow).isEqualTo(2);
    assertThat(err.toString())
        .contains("--clickhouse-url 'ch.internal:8123': give http://HOST:PORT")
        .contains("--refresh 30: give 1 to 5 seconds");
  }
}
