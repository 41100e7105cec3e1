package org.sanjeh.cli;

import java.util.ArrayList;
import java.util.List;
import org.sanjeh.batch.BatchCommand;
import org.sanjeh.batch.cli.ChurnCommand;
import org.sanjeh.core.calendar.conformance.ConformanceCli;
import org.sanjeh.core.cli.Commands;
import org.sanjeh.dashboards.cli.DashboardsCli;
import org.sanjeh.devtools.BenchCommand;
import org.sanjeh.devtools.GenerateCommand;
import org.sanjeh.ingestion.IngestionCli;
import org.sanjeh.ingestion.importer.ImportCommand;
import org.sanjeh.sentiment.cli.SentimentCommand;
import org.sanjeh.streaming.StreamingCommand;
import org.sanjeh.testbed.Checkout;
import org.sanjeh.warehouse.cli.WarehouseCli;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./sanjeh}: every command of every module, with help generated from the modules' own
 * declarations. Commands of this package (the demo, the local servers and services) run here;
 * modules' commands run in their module's JVM (see {@link ModuleJvm}). To add a module's command,
 * add one line to {@link #commandLine(Local)}; see cli/README.md.
 */
@Command(
    name = "sanjeh",
    description = "Sanjeh: customer-experience analytics for support teams.",
    mixinStandardHelpOptions = true,
    versionProvider = Sanjeh.Version.class,
    footerHeading = "%nEnvironment:%n",
    footer = {
      "SANJEH_CLICKHOUSE_HTTP_PORT (18123), SANJEH_CLICKHOUSE_TCP_PORT (19000),"
          + " SANJEH_CLICKHOUSE_PASSWORD (default: generated into var/clickhouse/password on first"
          + " start), SANJEH_KAFKA_PORT (19092), SANJEH_INTAKE_PORT (18080), SANJEH_SURVEY_PORT"
          + " (18090), SANJEH_SURVEY_MANAGEMENT_PORT (18091), SANJEH_BUSINESS_TIMEZONE (UTC) for"
          + " the local dates of stored events.",
      "More about a command: ./sanjeh help COMMAND or ./sanjeh COMMAND --help."
    })
public final class Sanjeh implements java.util.concurrent.Callable<Integer> {

  @picocli.CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** {@code ./sanjeh} alone: the help. */
  @Override
  public Integer call() {
    spec.commandLine().usage(System.out);
    return Commands.OK;
  }

  /** What the JVM of each module is. */
  static final ModuleJvm INGESTION = ModuleJvm.execJar("ingestion");

  static final ModuleJvm STREAMING =
      ModuleJvm.classpath(
          "streaming",
          "org.sanjeh.streaming.StreamingCli",
          Flink.jvmOptions("-Xmx" + System.getenv().getOrDefault("SANJEH_STREAMING_HEAP", "1g")));

  static final ModuleJvm WAREHOUSE =
      ModuleJvm.classpath("warehouse", "org.sanjeh.warehouse.cli.WarehouseCli");

  static final ModuleJvm DASHBOARDS =
      ModuleJvm.classpath("dashboards", "org.sanjeh.dashboards.cli.DashboardsCli");

  static final ModuleJvm BATCH =
      ModuleJvm.classpath(
          "batch",
          "org.sanjeh.batch.BatchMain",
          "-Xmx" + System.getenv().getOrDefault("SANJEH_BATCH_HEAP", "4g"));

  static final ModuleJvm SENTIMENT =
      ModuleJvm.classpath(
          "sentiment",
          "org.sanjeh.sentiment.cli.SentimentCommand",
          "-Xmx" + System.getenv().getOrDefault("SANJEH_SENTIMENT_HEAP", "3g"));

  static final ModuleJvm DEVTOOLS =
      ModuleJvm.classpath(
          "devtools", List.of("streaming"), "org.sanjeh.devtools.DevtoolsCli", devtoolsOptions());

  /**
   * Flink's options, and log4j (streaming's quiet configuration) as the one SLF4J provider: the dev
   * tools' own slf4j-simple is also on this class path.
   */
  private static String[] devtoolsOptions() {
    List<String> options =
        new ArrayList<>(
            List.of(
                Flink.jvmOptions(
                    "-Xmx" + System.getenv().getOrDefault("SANJEH_STREAMING_HEAP", "3g"))));
    options.add("-Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider");
    options.add("-Dslf4j.internal.verbosity=WARN"); // no line saying that it took the one named
    return options.toArray(String[]::new);
  }

  public static void main(String[] args) {
    Local local = Local.current();
    if (System.getProperty("sanjeh.kafka.lib") == null
        && System.getenv("SANJEH_KAFKA_LIB") == null) {
      // LocalKafka runs the broker from the jars the build collected
      System.setProperty("sanjeh.kafka.lib", local.checkout.lib("kafka-broker").toString());
    }
    System.exit(commandLine(local).execute(args));
  }

  /** The whole command tree. One line per command: where it is declared and where it runs. */
  static CommandLine commandLine(Local local) {
    CommandLine root = new CommandLine(new Sanjeh());
    Modules modules = new Modules(root, local);
    LocalServers servers = new LocalServers(local);
    Services services = new Services(local, servers);

    modules.inProcess(new DemoCommand(local, servers, services));
    modules.inProcess(new LauncherCommands.Test());
    modules.inProcess(new LauncherCommands.Setup());
    modules.inProcess(new StopCommand(services, servers));
    modules.inProcess(servers.clickhouse());
    modules.inProcess(servers.kafka());
    modules.module(WAREHOUSE, new WarehouseCli());
    modules.inProcess(services.group("intake", "The intake API (POST /v1/events) on 127.0.0.1"));
    modules.inProcess(
        services.group("loader", "Copies Kafka's ticket-events and dead letters into ClickHouse"));
    modules.inProcess(
        services.group("survey", "The survey service (answer pages, invitations, scores API)"));
    modules.inProcess(
        services.group("viewer", "The dashboards viewer (dashboards serve) on 127.0.0.1"));
    modules
        .module(STREAMING, new StreamingCommand())
        .addSubcommand(services.startCommand("streaming"))
        .addSubcommand(services.stopCommand("streaming"))
        .addSubcommand(services.statusCommand("streaming"));
    modules.mount(INGESTION, new ImportCommand(), List.of("import"));
    modules.mount(STREAMING, new StreamingCommand.ReplayFile(), List.of("replay"));
    modules.module(INGESTION, new IngestionCli());
    modules.mount(DEVTOOLS, new GenerateCommand(), List.of("generate"));
    modules.mount(DEVTOOLS, new BenchCommand(), List.of("bench"));
    modules.inProcess(new ConformanceCli());
    modules.inProcess(new CheckCommand(local));
    modules.module(DASHBOARDS, new DashboardsCli());
    modules.module(BATCH, new BatchCommand());
    modules.module(SENTIMENT, new SentimentCommand());
    modules.mount(BATCH, new ChurnCommand(), List.of("churn"));
    modules.inProcess(new TestSummaryCommand(local));
    modules.inProcess(new CommandLine.HelpCommand());
    root.addSubcommand("completion", completion());

    modules.before("import", servers::kafkaRunning, List.of("--out", "--dry-run"));
    modules.before("replay", servers::kafkaRunningQuietly);
    modules.before("bench warehouse", servers::clickhouseRunning);
    modules.before("bench survey", servers::clickhouseRunning);
    modules.before("bench streaming", servers::clickhouseAndKafkaRunning);

    root.setExecutionStrategy(modules);
    root.setExecutionExceptionHandler(
        (e, commandLine, parsed) -> {
          commandLine.getErr().println("error: " + (e.getMessage() == null ? e : e.getMessage()));
          return Commands.FAILED;
        });
    root.getSubcommands()
        .get("clickhouse")
        .getSubcommands()
        .get("client")
        .setUnmatchedOptionsArePositionalParams(true);
    root.getSubcommands()
        .get("streaming")
        .getSubcommands()
        .get("start")
        .setUnmatchedOptionsArePositionalParams(true);
    return Commands.withExitCodes(root);
  }

  private static CommandLine completion() {
    CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
    completion
        .getCommandSpec()
        .usageMessage()
        .hidden(false)
        .description("Print a bash/zsh completion script: source <(./sanjeh completion)");
    return completion;
  }

  /** The build's version, from pom.xml (through the testbed's version.properties). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"sanjeh " + Checkout.buildVersion()};
    }
  }
}
