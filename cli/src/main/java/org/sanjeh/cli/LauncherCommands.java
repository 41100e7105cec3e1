package org.sanjeh.cli;

import java.util.concurrent.Callable;
import org.sanjeh.core.cli.Commands;
import picocli.CommandLine.Command;

/**
 * The launcher's own commands, listed here so that {@code ./sanjeh help} shows them: they run
 * before a JVM exists (they install the JDK and build these jars), so the bash launcher runs them.
 */
final class LauncherCommands {

  private LauncherCommands() {}

  @Command(
      name = "setup",
      description =
          "Install missing OS packages (apt-get: ClickHouse, Chromium, chromium-driver, shellcheck,"
              + " curl, a JDK) and build the jars; safe to repeat.",
      mixinStandardHelpOptions = true)
  static final class Setup implements Callable<Integer> {
    @Override
    public Integer call() {
      System.err.println("error: setup runs in the launcher: ./sanjeh setup");
      return Commands.USAGE;
    }
  }

  @Command(
      name = "test",
      description =
          "Set up, then run every test (unit and integration), the format and dependency checks,"
              + " and shellcheck on the launcher.",
      mixinStandardHelpOptions = true)
  static final class Test implements Callable<Integer> {
    @Override
    public Integer call() {
      System.err.println("error: test runs in the launcher: ./sanjeh test");
      return Commands.USAGE;
    }
  }
}
