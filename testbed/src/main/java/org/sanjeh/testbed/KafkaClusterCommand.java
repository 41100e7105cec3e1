package org.sanjeh.testbed;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kafka-cluster start|stop}: several local KRaft brokers as one replicated cluster, for
 * trying the replicated layout (docs/production.md) on one machine. The brokers keep running after
 * this command ends; {@code stop} ends them.
 */
@Command(
    name = "kafka-cluster",
    mixinStandardHelpOptions = true,
    description = "Several local Kafka (KRaft) brokers as one replicated cluster, loopback only.",
    subcommands = {KafkaClusterCommand.Start.class, KafkaClusterCommand.Stop.class})
public final class KafkaClusterCommand {

  public static void main(String[] args) {
    System.exit(new CommandLine(new KafkaClusterCommand()).execute(args));
  }

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description =
          "Formats and starts the brokers on free loopback ports and prints their bootstrap servers;"
              + " create topics with SANJEH_KAFKA_REPLICATION_FACTOR=3 and SANJEH_KAFKA_MIN_INSYNC_REPLICAS=2.")
  static final class Start implements Callable<Integer> {

    @Option(
        names = "--home",
        description = "Folder for the brokers' data and logs (default: ${DEFAULT-VALUE}).",
        defaultValue = "var/kafka-cluster")
    Path home;

    @Option(
        names = "--brokers",
        description = "How many brokers (default: ${DEFAULT-VALUE}).",
        defaultValue = "3")
    int brokers;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (brokers < 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--brokers=" + brokers + ": need at least one broker");
      }
      KafkaCluster cluster = KafkaCluster.start(home, brokers);
      System.out.println(cluster.bootstrapServers());
      return 0;
    }
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = "Stops the brokers started under the folder.")
  static final class Stop implements Callable<Integer> {

    @Option(
        names = "--home",
        description = "Folder the brokers were started in (default: ${DEFAULT-VALUE}).",
        defaultValue = "var/kafka-cluster")
    Path home;

    @Override
    public Integer call() throws Exception {
      System.out.println(
          KafkaCluster.stop(home)
              ? "stopped the brokers under " + home
              : "no brokers under " + home);
      return 0;
    }
  }
}
