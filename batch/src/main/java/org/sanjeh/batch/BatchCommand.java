package org.sanjeh.batch;

import org.sanjeh.batch.cli.ChurnCommand;
import org.sanjeh.batch.cli.DemoCommand;
import org.sanjeh.batch.cli.DissatisfactionCommand;
import org.sanjeh.batch.cli.RollupsCommand;
import org.sanjeh.batch.cli.SentimentCommand;
import org.sanjeh.batch.cli.SlaWhatIfCommand;
import picocli.CommandLine.Command;

/**
 * {@code batch}: the Spark jobs over the ticket history in ClickHouse. Each subcommand is one job;
 * the command classes hold no Spark types (the root CLI loads them to print help) and hand off to
 * the job code in {@code call()}.
 */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = "Spark jobs over the ticket history in ClickHouse.",
    subcommands = {
      RollupsCommand.class,
      SentimentCommand.class,
      SlaWhatIfCommand.class,
      ChurnCommand.class,
      DissatisfactionCommand.class,
      DemoCommand.class,
    })
public final class BatchCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
