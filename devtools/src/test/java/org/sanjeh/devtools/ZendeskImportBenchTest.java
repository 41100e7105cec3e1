package org.sanjeh.devtools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sanjeh.ingestion.importer.ImportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class ZendeskImportBenchTest {

  @Test
  void theBenchmarksKafkaOptionIsTheImportsOwn() {
    OptionSpec bench =
        new CommandLine(new ZendeskImportBench())
            .getCommandSpec()
            .findOption("--bootstrap-servers");
    OptionSpec imports =
        new CommandLine(new ImportCommand()).getCommandSpec().findOption("--bootstrap-servers");

    assertThat(bench.description()).isEqualTo(imports.description());
    assertThat(bench.defaultValue()).isEqualTo(imports.defaultValue());
    assertThat(bench.showDefaultValue()).isEqualTo(imports.showDefaultValue());
  }

  @Test
  void withoutTheOptionTheBenchmarkStartsABrokerOfItsOwn() {
    ZendeskImportBench bench = new ZendeskImportBench();
    new CommandLine(bench).parseArgs("--comments", "10");
    assertThat(bench.kafka.given()).isFalse();

    ZendeskImportBench given = new ZendeskImportBench();
    new CommandLine(given).parseArgs("--bootstrap-servers", "127.0.0.1:9999");
    assertThat(given.kafka.given()).isTrue();
    assertThat(given.kafka.bootstrapServers()).isEqualTo("127.0.0.1:9999");
  }
}
