package org.sanjeh.devtools;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./sanjeh generate}: see {@link Generator}. */
@Command(
    name = "generate",
    description =
        "Realistic ticket lifecycles (English and Persian) as NDJSON (--out FILE) or onto Kafka"
            + " (--to kafka).",
    mixinStandardHelpOptions = true,
    showDefaultValues = true)
public final class GenerateCommand implements Callable<Integer> {

  /** Where the events go. */
  enum Target {
    file,
    kafka
  }

  @Option(names = "--tickets", paramLabel = "N", defaultValue = "1000", description = "Tickets.")
  long tickets;

  @Option(
      names = "--days",
      paramLabel = "D",
      defaultValue = "30",
      description = "Over the last D days.")
  int days;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "The same seed gives the same events.")
  long seed;

  @Option(
      names = "--to",
      paramLabel = "file|kafka",
      defaultValue = "file",
      description = "Into --out FILE, or onto Kafka's ticket-events.")
  Target to;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "var/generated.jsonl",
      description = "The NDJSON file (with --to file).")
  Path out;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "H:P",
      defaultValue = "${env:SANJEH_KAFKA_BOOTSTRAP:-127.0.0.1:19092}",
      description = "Kafka (env SANJEH_KAFKA_BOOTSTRAP), with --to kafka.")
  String bootstrap;

  @Override
  public Integer call() throws Exception {
    if (tickets <= 0 || days <= 0) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--tickets and --days must be positive");
    }
    return new Generator(bootstrap).run(tickets, days, seed, to == Target.kafka ? null : out);
  }
}
