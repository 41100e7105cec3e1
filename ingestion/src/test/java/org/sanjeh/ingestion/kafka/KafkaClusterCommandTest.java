package org.sanjeh.ingestion.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.testbed.KafkaClusterCommand;
import picocli.CommandLine;

class KafkaClusterCommandTest {

  @TempDir Path home;

  @Test
  void refusesZeroBrokersNamingTheOption() {
    StringWriter errors = new StringWriter();
    CommandLine command = new CommandLine(new KafkaClusterCommand());
    command.setErr(new PrintWriter(errors));

    int exit = command.execute("start", "--home", home.toString(), "--brokers", "0");

    assertThat(exit).isEqualTo(2);
    assertThat(errors.toString()).contains("--brokers=0: need at least one broker");
  }

  @Test
  void stopSaysSoWhenNoBrokersWereStartedInTheFolder() {
    assertThat(
            new CommandLine(new KafkaClusterCommand()).execute("stop", "--home", home.toString()))
        .isZero();
    assertThat(home.resolve("cluster.properties")).doesNotExist();
  }

  @Test
  void helpListsBothSubcommandsWithTheirDefaults() {
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new KafkaClusterCommand());
    command.setOut(new PrintWriter(out));

    command.execute("start", "--help");

    assertThat(out.toString())
        .contains("--brokers")
        .contains("default: 3")
        .contains("var/kafka-cluster");
  }
}
