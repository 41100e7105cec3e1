package org.sanjeh.dashboards.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A current ClickHouse for tests: the npm package {@code chdb} (ClickHouse 26.x embedded in node),
 * installed once into a cache folder ({@code ~/.cache/sanjeh/chdb}, or {@code -Dsanjeh.chdb.dir})
 * and driven by {@code chdb/run-statements.js}. When npm cannot reach its registry (or there is no
 * npm) the calling test is skipped, saying so; any other failure fails it.
 */
final class CurrentClickHouse {

  static final String PACKAGE = "chdb@3.4.0";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One statement's result: {@code text} is TabSeparated output, {@code error} the failure. */
  record Result(String id, boolean ok, String text, String error) {}

  private final Path home;
  private final Path work;

  private CurrentClickHouse(Path home, Path work) {
    this.home = home;
    this.work = work;
  }

  /** chdb ready to run, installed first if needed; skips the test when npm is unreachable. */
  static CurrentClickHouse installed(Path work) {
    Path home =
        Path.of(
            System.getProperty(
                "sanjeh.chdb.dir",
                Path.of(System.getProperty("user.home"), ".cache", "sanjeh", "chdb").toString()));
    if (!Files.isRegularFile(home.resolve("node_modules/chdb/package.json"))
        || !Files.isDirectory(home.resolve("node_modules/@chdb"))) {
      install(home);
    }
    return new CurrentClickHouse(home, work);
  }

  private static void install(Path home) {
    try {
      Files.createDirectories(home);
      Path manifest = home.resolve("package.json");
      if (!Files.exists(manifest)) {
        Files.writeString(manifest, "{\"name\": \"sanjeh-chdb-check\", \"private\": true}\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Run npm = run(home, 900, "npm", "install", "--no-audit", "--no-fund", "--no-save", PACKAGE);
    if (npm.code() == 0) {
      return;
    }
    Run ping = run(home, 60, "npm", "ping");
    Assumptions.assumeTrue(
        ping.code() == 0,
        () ->
            "SKIPPED: npm cannot reach its registry, so the current-ClickHouse check ("
                + PACKAGE
                + ", ~550 MB) could not be installed into "
                + home
                + ". npm ping said: "
                + tail(ping.output())
                + ". Run with network access (or pre-install it there) to run this check.");
    throw new AssertionError(
        "npm install "
            + PACKAGE
            + " failed in "
            + home
            + " though npm reaches its registry:\n"
            + tail(npm.output()));
  }

  /** Runs the statements in order in one fresh chdb session; results by statement id. */
  Map<String, Result> run(List<Map.Entry<String, String>> statements) throws IOException {
    Files.createDirectories(work);
    Path session = work.resolve("session");
    deleteTree(session);
    Path script = work.resolve("run-statements.js");
    try (InputStream in = CurrentClickHouse.class.getResourceAsStream("/chdb/run-statements.js")) {
      Files.write(script, in.readAllBytes());
    }
    ObjectNode input = JSON.createObjectNode().put("session", session.toString());
    ArrayNode list = input.putArray("statements");
    statements.forEach(s -> list.addObject().put("id", s.getKey()).put("sql", s.getValue()));
    Path file = work.resolve("statements.json");
    JSON.writeValue(file.toFile(), input);
    ProcessBuilder node = new ProcessBuilder("node", script.toString(), file.toString());
    node.environment().put("NODE_PATH", home.resolve("node_modules").toString());
    node.redirectErrorStream(false);
    node.redirectError(work.resolve("node-stderr.txt").toFile());
    Path out = work.resolve("results.jsonl");
    node.redirectOutput(out.toFile());
    Process process = node.start();
    try {
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("chdb did not finish the statements within 10 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    Map<String, Result> results = new LinkedHashMap<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      JsonNode r = JSON.readTree(line);
      results.put(
          r.get("id").asText(),
          new Result(
              r.get("id").asText(),
              r.get("ok").asBoolean(),
              r.path("text").asText(null),
              r.path("error").asText(null)));
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "node exited with "
              + process.exitValue()
              + " after "
              + results.size()
              + " statements: "
              + tail(Files.readString(work.resolve("node-stderr.txt"))));
    }
    return results;
  }

  /**
   * The statement with its parameters written in as literals (chdb takes no bound parameters): each
   * {@code ?} outside a quoted string becomes a single-quoted literal with quotes and backslashes
   * escaped, or a plain number.
   */
  static String inline(String sql, List<Object> parameters) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        out.append(c);
        if (c == '\\' && i + 1 < sql.length()) {
          out.append(sql.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        out.append(c);
      } else if (c == '?') {
        out.append(literal(parameters.get(next++)));
      } else {
        out.append(c);
      }
    }
    if (next != parameters.size()) {
      throw new IllegalArgumentException(
          parameters.size() + " parameters for " + next + " placeholders in " + sql);
    }
    return out.toString();
  }

  private static String literal(Object value) {
    if (value instanceof Number number) {
      return number.toString();
    }
    return "'" + value.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** TabSeparated text as rows of unescaped fields, NULL as null. */
  static List<List<String>> rows(String text) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      List<String> fields = new ArrayList<>();
      for (String field : line.split("\t", -1)) {
        fields.add(field.equals("\\N") ? null : unescape(field)); // \N is NULL
      }
      rows.add(fields);
    }
    return rows;
  }

  private static String unescape(String field) {
    if (!field.contains("\\")) {
      return field;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 1 < field.length()) {
        char e = field.charAt(++i);
        out.append(
            switch (e) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case '0' -> '\0';
              default -> e;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private record Run(int code, String output) {}

  private static Run run(Path dir, int timeoutSeconds, String... command) {
    try {
      Process process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Run(-1, "timed out after " + timeoutSeconds + " s");
      }
      return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      // no npm on the PATH: it cannot be reached either
      return new Run(-1, command[0] + " could not be started: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Run(-1, "interrupted");
    }
  }

  private static String tail(String text) {
    String trimmed = text.strip();
    return trimmed.length() <= 1500 ? trimmed : "..." + trimmed.substring(trimmed.length() - 1500);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
