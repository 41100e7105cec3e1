package org.sanjeh.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    Map<String, String> properties = command.properties(dir.resolve("key"), Map.of());

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
  void theClickHousePasswordComesFromItsVariableOrTheFileItNames(@TempDir Path dir)
      throws Exception {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).parseArgs();
    Path secret = Files.writeString(dir.resolve("secret"), "s3cret-from-file\n");

    assertThat(
            command.properties(
                dir.resolve("key"), Map.of("SANJEH_CLICKHOUSE_PASSWORD_FILE", secret.toString())))
        .containsEntry("sanjeh.viewer.clickhouse-password", "s3cret-from-file");
    assertThat(
            command.properties(
                dir.resolve("key"),
                Map.of(
                    "SANJEH_CLICKHOUSE_PASSWORD",
                    "direct",
                    "SANJEH_CLICKHOUSE_PASSWORD_FILE",
                    secret.toString())))
        .containsEntry("sanjeh.viewer.clickhouse-password", "direct");
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

  @Test
  void serveKeepsServingUntilItIsStoppedThenClosesThePort(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    CommandLine commandLine = new CommandLine(new ServeCommand()).setOut(new PrintWriter(out));
    int[] code = {-1};
    Thread serving =
        new Thread(
            () ->
                code[0] =
                    commandLine.execute(
                        "--port", "0", "--key-file", dir.resolve("key").toString()));
    serving.start();
    Matcher address = Pattern.compile("Dashboards: (http://127\\.0\\.0\\.1:\\d+/)").matcher("");
    for (int i = 0; i < 600 && !address.reset(out.toString()).find(); i++) {
      Thread.sleep(100);
    }
    assertThat(address.reset(out.toString()).find()).as(out.toString()).isTrue();
    URI login = URI.create(address.group(1) + "login");

    Thread.sleep(1_000); // the command has returned here before: it must still be serving
    assertThat(serving.isAlive()).isTrue();
    assertThat(status(login)).isEqualTo(200);

    serving.interrupt();
    serving.join(30_000);
    assertThat(serving.isAlive()).isFalse();
    assertThat(code[0]).isZero();
    assertThatThrownBy(() -> status(login)).isInstanceOf(IOException.class);
  }

  private static int status(URI uri) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
