package org.sanjeh.dashboards.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sanjeh.dashboards.viewer.ViewerApplication;
import org.sanjeh.warehouse.WarehouseConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./sanjeh dashboards serve}: the built-in viewer on loopback. Without a configured key it
 * makes one into {@code --key-file} (mode 600) on first start and reads it afterwards; log in with
 * it once, the browser then holds a session cookie. Prints the viewer's address when it is up.
 */
@Command(
    name = "serve",
    description = "Serve the dashboards in the browser (the built-in viewer).",
    mixinStandardHelpOptions = true)
public final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "${env:SANJEH_VIEWER_PORT:-18088}",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "The viewer's HTTP port (env SANJEH_VIEWER_PORT); 0 picks a free one.")
  int port;

  @Option(
      names = "--address",
      paramLabel = "ADDRESS",
      defaultValue = "${env:SANJEH_VIEWER_ADDRESS:-127.0.0.1}",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description =
          "Where to listen (env SANJEH_VIEWER_ADDRESS); loopback unless a TLS proxy fronts it.")
  String address;

  @Option(
      names = "--clickhouse-url",
      paramLabel = "URL",
      defaultValue =
          "http://${env:SANJEH_CLICKHOUSE_HOST:-127.0.0.1}:${env:SANJEH_CLICKHOUSE_HTTP_PORT:-18123}",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description =
          "ClickHouse's HTTP interface (env SANJEH_CLICKHOUSE_HOST, _HTTP_PORT); the password"
              + " comes from SANJEH_CLICKHOUSE_PASSWORD or the file named by"
              + " SANJEH_CLICKHOUSE_PASSWORD_FILE.")
  String clickhouseUrl;

  @Option(
      names = "--database",
      paramLabel = "DB",
      defaultValue = "${env:SANJEH_CLICKHOUSE_DATABASE:-sanjeh}",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "ClickHouse database (env SANJEH_CLICKHOUSE_DATABASE).")
  String database;

  @Option(
      names = "--user",
      paramLabel = "USER",
      defaultValue = "${env:SANJEH_CLICKHOUSE_USER:-default}",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "ClickHouse user (env SANJEH_CLICKHOUSE_USER).")
  String user;

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      defaultValue = "${env:SANJEH_VIEWER_APIKEYFILE:-var/dashboards/viewer-key}",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description =
          "A file holding the viewer key, made (mode 600) when missing (env"
              + " SANJEH_VIEWER_APIKEYFILE). More keys: SANJEH_VIEWER_APIKEYS=name:sha256,...")
  Path keyFile;

  @Option(
      names = "--business-timezone",
      paramLabel = "ZONE",
      defaultValue = "${env:SANJEH_BUSINESS_TIMEZONE:-UTC}",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "The IANA zone whose local days the dashboards group by.")
  String businessTimezone;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      defaultValue = "",
      description =
          "The SLA policy file the streaming job runs with, for ticket timelines (default: the"
              + " bundled policy, as the job).")
  String policy;

  @Option(
      names = "--refresh",
      paramLabel = "SECONDS",
      defaultValue = "5",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "How often an open dashboard asks for new numbers, 1 to 5 seconds.")
  int refreshSeconds;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    int code = new CommandLine(new ServeCommand()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() {
    Map<String, String> properties = properties(ensureKey(keyFile), System.getenv());
    PrintWriter out = spec.commandLine().getOut();
    ViewerApplication.serveUntilStopped(
        properties,
        address -> {
          out.println("Dashboards: " + address + " (log in with the key in " + keyFile + ")");
          out.flush();
        });
    return 0;
  }

  /**
   * The Spring properties the viewer starts with: the options over application.yml, and the
   * ClickHouse password as every Sanjeh process reads it from {@code env}.
   */
  Map<String, String> properties(Path key, Map<String, String> env) {
    URI url = clickhouse();
    if (refreshSeconds < 1 || refreshSeconds > 5) {
      throw new ParameterException(
          spec.commandLine(), "--refresh " + refreshSeconds + ": give 1 to 5 seconds");
    }
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("server.port", Integer.toString(port));
    properties.put("server.address", address);
    properties.put("sanjeh.viewer.clickhouse-host", url.getHost());
    properties.put("sanjeh.viewer.clickhouse-http-port", Integer.toString(url.getPort()));
    properties.put("sanjeh.viewer.clickhouse-database", database);
    properties.put("sanjeh.viewer.clickhouse-user", user);
    properties.put("sanjeh.viewer.api-key-file", key.toAbsolutePath().toString());
    properties.put("sanjeh.viewer.business-timezone", businessTimezone);
    properties.put("sanjeh.viewer.sla-policy-file", policy);
    properties.put("sanjeh.viewer.refresh", Duration.ofSeconds(refreshSeconds).toString());
    properties.put("sanjeh.viewer.clickhouse-password", WarehouseConfig.passwordFrom(env));
    return properties;
  }

  private URI clickhouse() {
    try {
      URI url = URI.create(clickhouseUrl);
      if (!"http".equals(url.getScheme()) || url.getHost() == null || url.getPort() <= 0) {
        throw new IllegalArgumentException("not http://HOST:PORT");
      }
      return url;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--clickhouse-url '"
              + clickhouseUrl
              + "': give http://HOST:PORT ("
              + e.getMessage()
              + ")");
    }
  }

  /** The demo's key: made once (readable by the owner only), then kept. */
  static Path ensureKey(Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8);
    } catch (FileAlreadyExistsException kept) {
      // made by an earlier start: the same key keeps working
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the viewer key file " + file, e);
    }
    return file;
  }
}
