package org.sanjeh.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code start}, {@code stop} and {@code status} commands that every local server and service
 * has (ClickHouse, Kafka, the intake API, the viewer, ...), declared once and given their actions.
 */
final class ServiceCommands {

  /** What a command does; its result is the exit code. */
  @FunctionalInterface
  interface Action {
    int run() throws Exception;
  }

  static final String STATUS = "Whether it runs (exit code 3: not running).";

  private ServiceCommands() {}

  /**
   * {@code NAME start|stop|status}; {@code start} is a command of its own when it takes options,
   * else see {@link #command(String, String, Action)}.
   */
  static CommandLine group(
      String name, String description, Object start, Action stop, Action status) {
    CommandLine group =
        new CommandLine(CommandSpec.create().name(name).mixinStandardHelpOptions(true));
    group.getCommandSpec().usageMessage().description(description);
    group.addSubcommand(start);
    group.addSubcommand(command("stop", "Stop it.", stop));
    group.addSubcommand(command("status", STATUS, status));
    return group;
  }

  /** A command without options or parameters that runs {@code action}. */
  static CommandLine command(String name, String description, Action action) {
    CommandLine command = new CommandLine(new Step(action));
    command.getCommandSpec().name(name).usageMessage().description(description);
    return command;
  }

  @Command(mixinStandardHelpOptions = true)
  private static final class Step implements Callable<Integer> {
    private final Action action;

    Step(Action action) {
      this.action = action;
    }

    @Override
    public Integer call() throws Exception {
      return action.run();
    }
  }
}
