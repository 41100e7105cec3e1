package org.sanjeh.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What every local server launcher needs (ClickHouse here, the Kafka broker in ingestion): a free
 * loopback port, a clean or forced stop by pid, the last lines of its logs for an error message.
 */
public final class LocalProcesses {

  private LocalProcesses() {}

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** SIGTERM (or SIGKILL when {@code force}), then wait; kill if it does not end in time. */
  public static void terminate(long pid, Duration timeout, boolean force) {
    ProcessHandle.of(pid)
        .ifPresent(
            process -> {
              if (force) {
                process.destroyForcibly();
              } else {
                process.destroy();
              }
              try {
                process.onExit().get(timeout.toSeconds(), TimeUnit.SECONDS);
              } catch (Exception timeoutOrInterrupt) {
                process.destroyForcibly();
              }
            });
  }

  public static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** The last ten lines of each named log under {@code logDir}, indented, for error messages. */
  public static String logTail(Path logDir, List<String> names) {
    StringBuilder tail = new StringBuilder();
    for (String name : names) {
      Path log = logDir.resolve(name);
      try (Stream<String> lines = Files.exists(log) ? Files.lines(log) : Stream.empty()) {
        List<String> all = lines.toList();
        all.subList(Math.max(0, all.size() - 10), all.size())
            .forEach(line -> tail.append("  ").append(line).append('\n'));
      } catch (IOException | UncheckedIOException unreadable) {
        tail.append("  (cannot read ").append(log).append(")\n");
      }
    }
    return tail.toString();
  }

  public static void sleep(Duration duration, String waitingFor) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + waitingFor, e);
    }
  }
}
