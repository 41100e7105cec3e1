package org.sanjeh.sentiment.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sentiment score [FILE|-]}: one JSON line out per text in, in input order. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Scores texts: one per line, or JSON lines with a \"text\" field. Prints one JSON line per"
          + " input, in input order: label, score, language, model.",
      "Answers are cached by model version and text hash (no text is stored), so texts seen"
          + " before answer without loading CoreNLP."
    })
public final class ScoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "-",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "The input file; - reads standard input.")
  String input;

  @Option(
      names = "--cache",
      defaultValue = "${sys:user.home}/.cache/sanjeh/sentiment",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "Folder of the persistent score cache.")
  Path cache;

  @Option(
      names = "--no-cache",
      defaultValue = "false",
      description = "Neither read nor write the persistent cache.")
  boolean noCache;

  @Option(
      names = "--sentences",
      defaultValue = "false",
      description = "Also print each sentence's score and token count.")
  boolean sentences;

  @Override
  public Integer call() throws Exception {
    return new ScoreRun(noCache ? null : cache, sentences)
        .run(input, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
