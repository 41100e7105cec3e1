package org.sanjeh.sentiment.cli;

import java.util.concurrent.Callable;
import org.sanjeh.sentiment.eval.PersianEvaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sentiment eval-fa}: the Persian model on Sanjeh's labelled Persian set. */
@Command(
    name = "eval-fa",
    mixinStandardHelpOptions = true,
    description =
        "Evaluates the Persian lexicon model on Sanjeh's labelled Persian support sentences:"
            + " accuracy, macro-F1 and the confusion table.")
public final class EvalFaCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--split",
      defaultValue = "test",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "Which half: test (150 sentences, held out) or dev (60).")
  String split;

  @Override
  public Integer call() {
    PersianEvaluation.print(split, spec.commandLine().getOut());
    return 0;
  }
}
