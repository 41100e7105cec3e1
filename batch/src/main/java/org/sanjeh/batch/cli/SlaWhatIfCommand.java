package org.sanjeh.batch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sanjeh.batch.BatchJobs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code batch sla-whatif --policy NEW.json --from D --to D}. */
@Command(
    name = "sla-whatif",
    mixinStandardHelpOptions = true,
    description = {
      "Recomputes the SLA of the tickets created in a period (UTC days) under another policy or"
          + " calendar with the live job's engine, and compares with sla_tickets: compliance"
          + " before and after by team, channel and priority, and the tickets that change status.",
      "Writes sla_whatif_tickets; re-running a scenario and period replaces its rows."
    })
public final class SlaWhatIfCommand implements Callable<Integer> {

  @Mixin SparkOptions spark;

  @ArgGroup(exclusive = false, multiplicity = "1")
  PeriodOptions period;

  @Option(
      names = "--policy",
      required = true,
      description = "The what-if SLA policy file (the format of ./sanjeh streaming --policy).")
  Path policy;

  @Option(
      names = "--scenario",
      description = "Name of the scenario in sla_whatif_tickets (default: the policy's name).",
      defaultValue = "")
  String scenario;

  @Option(
      names = "--show",
      description = "How many changed tickets to list (default: ${DEFAULT-VALUE}).",
      defaultValue = "20")
  int show;

  @Override
  public Integer call() {
    period.check();
    return BatchJobs.slaWhatIf(spark, policy, scenario, period.from, period.to, show);
  }
}
