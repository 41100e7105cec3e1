package org.sanjeh.sentiment.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sentiment}: score texts, evaluate on SST, choose thresholds, benchmark. */
@Command(
    name = "sentiment",
    mixinStandardHelpOptions = true,
    description = "Sentiment of customer messages (English: CoreNLP; Persian: Sanjeh's lexicon).",
    subcommands = {
      ScoreCommand.class,
      EvalCommand.class,
      EvalFaCommand.class,
      ThresholdsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class SentimentCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SentimentCommand()).execute(args));
  }
}
