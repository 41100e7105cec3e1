package org.sanjeh.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A background process of the demo (or of a benchmark): its pid in {@code DIR/NAME.pid}, its output
 * in {@code DIR/NAME.log}. It keeps running after the JVM that started it ends, in a session of its
 * own, so that a Ctrl-C in the terminal or a closed terminal does not end it.
 */
public record LocalService(String name, Path dir) {

  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public Path pidFile() {
    return dir.resolve(name + ".pid");
  }

  public Path log() {
    return dir.resolve(name + ".log");
  }

  /** The pid of the running process, if it runs. */
  public Optional<Long> pid() {
    try {
      if (!Files.exists(pidFile())) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(pidFile()).trim());
      return LocalProcesses.alive(pid) ? Optional.of(pid) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  public boolean running() {
    return pid().isPresent();
  }

  /**
   * Starts {@code command} with {@code environment} added, unless it already runs; false if it was
   * already running.
   */
  public boolean start(List<String> command, Map<String, String> environment) throws IOException {
    if (running()) {
      return false;
    }
    Files.createDirectories(dir);
    List<String> detached = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      detached.add(SETSID.toString());
    }
    detached.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(detached)
            .redirectErrorStream(true)
            .redirectOutput(log().toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    Files.writeString(pidFile(), Long.toString(process.pid()));
    return true;
  }

  /**
   * Waits until {@code ready} holds; fails, naming the log, if the process ends or time runs out.
   */
  public void await(BooleanSupplier ready, Duration patience, String hint) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      if (ready.getAsBoolean()) {
        return;
      }
      if (!running()) {
        throw new IllegalStateException(
            "the " + name + " stopped while starting: see " + log() + "\n" + tail());
      }
      LocalProcesses.sleep(Duration.ofMillis(500), name);
    }
    throw new IllegalStateException(
        "the "
            + name
            + " did not start within "
            + patience.toSeconds()
            + " s: see "
            + log()
            + " ("
            + hint
            + ")");
  }

  /** Whether {@code url} answers 2xx now. */
  public static boolean answers(String url) {
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The log's lines, or none yet. */
  public List<String> logLines() {
    try {
      return Files.exists(log()) ? Files.readAllLines(log()) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      return List.of(); // a half-written multi-byte character: try again later
    }
  }

  /** SIGTERM, then SIGKILL after 10 s; true if it was running. */
  public boolean stop() throws IOException {
    Optional<Long> pid = pid();
    pid.ifPresent(p -> LocalProcesses.terminate(p, Duration.ofSeconds(10), false));
    Files.deleteIfExists(pidFile());
    return pid.isPresent();
  }

  /** One line: running with pid and log, or not running. */
  public String status() {
    return pid()
        .map(p -> name + " is running (pid " + p + ", log " + log() + ")")
        .orElse(name + " is not running");
  }

  private String tail() {
    List<String> lines = logLines();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }
}
