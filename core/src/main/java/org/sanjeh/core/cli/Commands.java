package org.sanjeh.core.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * How every Sanjeh command line runs, in the root {@code sanjeh} CLI and in each module's own
 * {@code main}: the same exit codes (listed in every help text) and one-line error messages instead
 * of stack traces.
 */
public final class Commands {

  /** Done. */
  public static final int OK = 0;

  /** The command failed; the message on stderr says why and, where it can, how to fix it. */
  public static final int FAILED = 1;

  /** The command line was wrong: an unknown command or option, a missing or malformed value. */
  public static final int USAGE = 2;

  /** A {@code status} command: the service is not running. */
  public static final int NOT_RUNNING = 3;

  private static final Map<String, String> EXIT_CODES = new LinkedHashMap<>();

  static {
    EXIT_CODES.put(" 0", "done");
    EXIT_CODES.put(" 1", "failed: the message says why");
    EXIT_CODES.put(" 2", "usage error: unknown command or option, missing or malformed value");
    EXIT_CODES.put(" 3", "(status) not running");
  }

  private Commands() {}

  /** A command line for {@code command} with Sanjeh's error handling and exit codes. */
  public static CommandLine commandLine(Object command) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setExecutionExceptionHandler(Commands::failed);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return withExitCodes(commandLine);
  }

  /** Lists the exit codes in the help of {@code commandLine} and of all its subcommands. */
  public static CommandLine withExitCodes(CommandLine commandLine) {
    commandLine
        .getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(EXIT_CODES);
    commandLine.getSubcommands().values().forEach(Commands::withExitCodes);
    return commandLine;
  }

  /** For a module's {@code main}: runs {@code command} and exits with its code. */
  public static void main(Object command, String[] args) {
    System.exit(commandLine(command).execute(args));
  }

  private static int failed(Exception e, CommandLine commandLine, ParseResult parsed) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    commandLine.getErr().println("error: " + message);
    if (Boolean.getBoolean("sanjeh.debug")) {
      e.printStackTrace(commandLine.getErr());
    }
    return FAILED;
  }
}
