package org.sanjeh.cli;

import java.io.IOException;
import java.util.List;

/** A module's command in the foreground: its output is ours, its exit code is ours. */
final class ChildJvm {

  private ChildJvm() {}

  static int run(List<String> command, Local local) {
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().putAll(local.childEnvironment());
    try {
      Process process = builder.start();
      return process.waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }
}
