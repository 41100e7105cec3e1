package org.sanjeh.devtools;

import org.sanjeh.core.cli.Commands;
import picocli.CommandLine.Command;

/**
 * The dev tools' own {@code main}: {@code bench ...}, {@code generate ...} and {@code
 * answer-surveys}.
 */
@Command(
    name = "devtools",
    description = "Benchmarks and the ticket generator (dev tooling, not product).",
    mixinStandardHelpOptions = true,
    subcommands = {BenchCommand.class, GenerateCommand.class, AnswerSurveysCommand.class})
public final class DevtoolsCli {

  public static void main(String[] args) {
    Commands.main(new DevtoolsCli(), args);
  }
}
