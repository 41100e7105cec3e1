package org.sanjeh.ingestion.importer;

import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --bootstrap-servers} of {@code ./sanjeh import}, declared once: a picocli mixin of the
 * import and of the tools that drive it (the Zendesk import benchmark), so their option cannot
 * drift apart.
 */
public final class BootstrapServersOption {

  public static final String NAME = "--bootstrap-servers";

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = NAME,
      defaultValue = "${env:SANJEH_KAFKA_BOOTSTRAP:-127.0.0.1:19092}",
      showDefaultValue = Visibility.ALWAYS,
      description = "Kafka (not needed with --out or --dry-run)")
  String bootstrapServers;

  /** The servers given, else SANJEH_KAFKA_BOOTSTRAP, else the local default. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Whether the option was on the command line (not the environment or the default). */
  public boolean given() {
    return command != null
        && command.commandLine() != null
        && command.commandLine().getParseResult() != null
        && command.commandLine().getParseResult().hasMatchedOption(NAME);
  }
}
