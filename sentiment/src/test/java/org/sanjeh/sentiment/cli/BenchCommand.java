package org.sanjeh.sentiment.cli;

import java.util.concurrent.Callable;
import org.sanjeh.sentiment.bench.SentimentBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sentiment bench}: messages per second, plain CoreNLP against the speed-ups. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Benchmarks sentiment scoring on generated support messages: plain CoreNLP, then each"
            + " speed-up in turn, and checks that the answers stay the same.")
public final class BenchCommand implements Callable<Integer> {

  /** Dev tooling, kept in the tests so that no product jar holds it. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--messages",
      defaultValue = "400",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "How many messages to generate.")
  int messages;

  @Option(
      names = "--seed",
      defaultValue = "15",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "The generator's seed.")
  long seed;

  @Override
  public Integer call() {
    if (messages < 100) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--messages must be at least 100, got " + messages);
    }
    SentimentBench.run(messages, seed, spec.commandLine().getOut());
    return 0;
  }
}
