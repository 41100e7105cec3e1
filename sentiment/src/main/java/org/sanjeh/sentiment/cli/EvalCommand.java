package org.sanjeh.sentiment.cli;

import java.util.concurrent.Callable;
import org.sanjeh.sentiment.eval.SstRuns;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sentiment eval}: the SST figures next to CoreNLP's published ones. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Evaluates the English model on the Stanford Sentiment Treebank: 5-class and binary root"
            + " accuracy on gold trees and on shift-reduce parses, next to Socher et al. 2013.")
public final class EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @CommandLine.Mixin SstOptions sst;

  @Option(
      names = "--split",
      defaultValue = "test",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "Which file: test or dev.")
  String split;

  @Override
  public Integer call() {
    SstRuns.eval(sst.folder, split, sst.limit, spec.commandLine().getOut());
    return 0;
  }
}
