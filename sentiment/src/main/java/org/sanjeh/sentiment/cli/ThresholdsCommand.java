package org.sanjeh.sentiment.cli;

import java.util.concurrent.Callable;
import org.sanjeh.sentiment.eval.SstRuns;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sentiment thresholds}: how the English label thresholds were chosen. */
@Command(
    name = "thresholds",
    mixinStandardHelpOptions = true,
    description =
        "Chooses the English label thresholds: the pair that maximises 3-label macro-F1 on SST"
            + " dev (shift-reduce parses), printed with its accuracy.")
public final class ThresholdsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @CommandLine.Mixin SstOptions sst;

  @Option(
      names = "--split",
      defaultValue = "dev",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "Which file: test or dev.")
  String split;

  @Override
  public Integer call() {
    SstRuns.thresholds(sst.folder, split, sst.limit, spec.commandLine().getOut());
    return 0;
  }
}
