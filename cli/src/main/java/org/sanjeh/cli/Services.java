package org.sanjeh.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sanjeh.core.cli.Commands;
import org.sanjeh.testbed.LocalService;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The demo's background services (intake API, loader, survey service, SLA job, viewer): each in a
 * JVM of its own, its pid in var/NAME.pid and its output in var/NAME.log.
 */
final class Services {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final Local local;
  private final LocalServers servers;
  int surveyPort;
  int surveyManagementPort;
  String surveySampleShare;
  final int viewerPort;

  Services(Local local, LocalServers servers) {
    this.local = local;
    this.servers = servers;
    this.surveyPort = port("SANJEH_SURVEY_PORT", 18090);
    this.surveyManagementPort = port("SANJEH_SURVEY_MANAGEMENT_PORT", 18091);
    this.surveySampleShare = local.env.getOrDefault("SANJEH_SURVEY_SAMPLESHARE", "0.02");
    this.viewerPort = port("SANJEH_VIEWER_PORT", 18088);
  }

  private int port(String name, int fallback) {
    return Integer.parseInt(local.env.getOrDefault(name, Integer.toString(fallback)));
  }

  // --- the services ---------------------------------------------------------------------------

  void startIntake() throws IOException {
    String hash = Local.hash(local.intakeKey());
    Local.say(
        "starting the intake API on http://127.0.0.1:"
            + local.intakePort
            + " (log var/intake.log)");
    Map<String, String> env = new HashMap<>(local.childEnvironment());
    env.put("SANJEH_INTAKE_APIKEYS", "demo:" + hash);
    if (start("intake", Sanjeh.INGESTION.commandLine(local.checkout, List.of("serve")), env)) {
      local
          .service("intake")
          .await(
              () -> LocalService.answers("http://127.0.0.1:" + local.intakePort + "/healthz"),
              PATIENCE,
              "is Kafka running? ./sanjeh kafka start");
    }
  }

  void startLoader() throws IOException {
    Local.say("starting the Kafka -> ClickHouse loader (log var/loader.log)");
    start(
        "loader",
        Sanjeh.INGESTION.commandLine(local.checkout, List.of("load-warehouse")),
        local.childEnvironment());
  }

  void startSurvey() throws IOException {
    String apiHash = Local.hash(local.secret("survey", "api-key"));
    try {
      new MigrationRunner(Warehouse.connect(local.warehouse())).migrate(Migrations.sanjehSchema());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "could not apply the schema: is ClickHouse running? ./sanjeh clickhouse start ("
              + e.getMessage()
              + ")",
          e);
    }
    servers.kafkaRunning(); // resolved tickets come from Kafka, and answers go back onto it
    Local.say(
        "starting the survey service on http://127.0.0.1:" + surveyPort + " (log var/survey.log)");
    Map<String, String> env = new HashMap<>(local.childEnvironment());
    String survey = local.var().resolve("survey").toString();
    env.put("SANJEH_SURVEY_SIGNINGKEY", local.secret("survey", "signing-key"));
    env.put("SANJEH_SURVEY_APIKEYS", "demo:" + apiHash);
    env.put("SANJEH_SURVEY_SPOOL", survey + "/spool");
    env.put("SANJEH_SURVEY_BASEURL", "http://127.0.0.1:" + surveyPort);
    env.put("SANJEH_SURVEY_CLICKHOUSEHTTPPORT", Integer.toString(local.clickhouseHttpPort));
    env.put("SANJEH_SURVEY_CLICKHOUSEPASSWORD", local.clickhousePassword());
    env.put("SANJEH_SURVEY_KAFKABOOTSTRAPSERVERS", local.kafkaBootstrap());
    env.put("SANJEH_SURVEY_OUTBOX", survey + "/outbox");
    env.put("SANJEH_SURVEY_UNSENT", survey + "/unsent");
    env.put("SANJEH_SURVEY_SAMPLESHARE", surveySampleShare);
    env.put("SANJEH_SURVEY_PORT", Integer.toString(surveyPort));
    env.put("SANJEH_SURVEY_MANAGEMENT_PORT", Integer.toString(surveyManagementPort));
    List<String> command =
        ModuleJvm.execJar("survey-service").commandLine(local.checkout, List.of());
    if (start("survey", command, env)) {
      local
          .service("survey")
          .await(
              () -> LocalService.answers("http://127.0.0.1:" + surveyPort + "/readyz"),
              PATIENCE,
              "is ClickHouse running?");
    }
  }

  /**
   * The dashboards viewer, its key made once into var/dashboards/viewer-key; local days in
   * SANJEH_BUSINESS_TIMEZONE (the demo's Asia/Tehran by default).
   */
  void startViewer() throws IOException {
    String address = viewerAddress();
    Local.say("starting the dashboards viewer on " + address + " (log var/viewer.log)");
    Map<String, String> env = new HashMap<>(local.childEnvironment());
    env.put("SANJEH_CLICKHOUSE_PASSWORD", local.clickhousePassword());
    env.put("SANJEH_VIEWER_PORT", Integer.toString(viewerPort));
    env.put("SANJEH_VIEWER_APIKEYFILE", viewerKeyFile().toString());
    env.put(
        "SANJEH_BUSINESS_TIMEZONE",
        local.env.getOrDefault("SANJEH_BUSINESS_TIMEZONE", "Asia/Tehran"));
    if (start("viewer", Sanjeh.DASHBOARDS.commandLine(local.checkout, List.of("serve")), env)) {
      local
          .service("viewer")
          .await(
              () -> LocalService.answers(address + "login"),
              PATIENCE,
              "is ClickHouse running? ./sanjeh clickhouse start");
    }
  }

  String viewerAddress() {
    return "http://127.0.0.1:" + viewerPort + "/";
  }

  /** Made by the viewer at its first start (mode 600). */
  Path viewerKeyFile() {
    return local.var().resolve("dashboards/viewer-key");
  }

  void startStreaming(List<String> runOptions) throws IOException {
    servers.kafkaRunning();
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "run", "--checkpoint-dir", local.var().resolve("flink/checkpoints").toString()));
    arguments.addAll(runOptions);
    Local.say(
        "starting the SLA job (Flink MiniCluster; log var/streaming.log, checkpoints"
            + " var/flink/checkpoints)");
    LocalService job = local.service("streaming");
    if (!start(
        "streaming",
        Sanjeh.STREAMING.commandLine(local.checkout, arguments),
        local.childEnvironment())) {
      return;
    }
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      List<String> log = job.logLines();
      if (log.stream().anyMatch(line -> line.startsWith("SLA job running"))) {
        log.stream()
            .filter(line -> line.startsWith("resuming") || line.startsWith("SLA job"))
            .forEach(line -> System.out.println("  " + line));
        return;
      }
      if (!job.running()) {
        List<String> errors = log.stream().filter(line -> line.startsWith("error:")).toList();
        errors.forEach(System.err::println);
        throw new IllegalStateException(
            errors.isEmpty()
                ? "the SLA job stopped while starting: see var/streaming.log (is ClickHouse"
                    + " running? ./sanjeh clickhouse start)"
                : "the SLA job stopped while starting (above; log var/streaming.log)");
      }
      sleep();
    }
    throw new IllegalStateException("the SLA job did not start within 60 s: see var/streaming.log");
  }

  private boolean start(String name, List<String> command, Map<String, String> env)
      throws IOException {
    LocalService service = local.service(name);
    if (!service.start(command, env)) {
      Local.say(name + " is already running (pid " + service.pid().orElse(0L) + ")");
      return false;
    }
    return true;
  }

  void stop(String name) throws IOException {
    LocalService service = local.service(name);
    if (service.running()) {
      Local.say("stopping " + name);
    }
    service.stop();
  }

  int status(String name) {
    LocalService service = local.service(name);
    System.out.println(
        service.running()
            ? name
                + " is running (pid "
                + service.pid().orElseThrow()
                + ", log var/"
                + name
                + ".log)"
            : name + " is not running");
    return service.running() ? Commands.OK : Commands.NOT_RUNNING;
  }

  void start(String name, List<String> options) throws IOException {
    switch (name) {
      case "intake" -> startIntake();
      case "loader" -> startLoader();
      case "survey" -> startSurvey();
      case "streaming" -> startStreaming(options);
      case "viewer" -> startViewer();
      default -> throw new IllegalArgumentException("no service " + name);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  // --- their commands -------------------------------------------------------------------------

  /** {@code NAME start|stop|status}. */
  CommandLine group(String name, String description) {
    return ServiceCommands.group(
        name,
        description + " (var/" + name + ".log).",
        startCommand(name),
        () -> stopped(name),
        () -> status(name));
  }

  Object startCommand(String name) {
    return switch (name) {
      case "survey" -> new SurveyStart(this);
      case "streaming" -> new StreamingStart(this);
      default ->
          ServiceCommands.command(
              "start",
              "Start it in the background (a no-op when it runs).",
              () -> {
                start(name, List.of());
                return Commands.OK;
              });
    };
  }

  CommandLine stopCommand(String name) {
    return ServiceCommands.command("stop", "Stop it.", () -> stopped(name));
  }

  CommandLine statusCommand(String name) {
    return ServiceCommands.command("status", ServiceCommands.STATUS, () -> status(name));
  }

  private int stopped(String name) throws IOException {
    stop(name);
    return Commands.OK;
  }

  @Command(
      name = "start",
      description =
          "Start the survey service in the background; its metrics, health details and OpenAPI"
              + " on the management port (loopback only).",
      mixinStandardHelpOptions = true,
      showDefaultValues = true)
  static final class SurveyStart implements Callable<Integer> {
    private final Services services;

    @Option(
        names = "--port",
        paramLabel = "P",
        defaultValue = "${env:SANJEH_SURVEY_PORT:-18090}",
        description = "Answer pages, invitations and scores API on 127.0.0.1:P.")
    int port;

    @Option(
        names = "--management-port",
        paramLabel = "P",
        defaultValue = "${env:SANJEH_SURVEY_MANAGEMENT_PORT:-18091}",
        description = "Metrics, health details and OpenAPI on 127.0.0.1:P.")
    int managementPort;

    @Option(
        names = "--sample-share",
        paramLabel = "S",
        defaultValue = "${env:SANJEH_SURVEY_SAMPLESHARE:-0.02}",
        description = "The share of resolved tickets whose customers are invited.")
    String sampleShare;

    SurveyStart(Services services) {
      this.services = services;
    }

    @Override
    public Integer call() throws IOException {
      services.surveyPort = port;
      services.surveyManagementPort = managementPort;
      services.surveySampleShare = sampleShare;
      services.startSurvey();
      return Commands.OK;
    }
  }

  @Command(
      name = "start",
      description = {
        "Start the SLA job in the background on a local MiniCluster; it resumes from its last"
            + " checkpoint in var/flink. RUN-OPTIONS are those of streaming run (e.g. --policy FILE"
            + " for your own SLA policy, --raw-events false)."
      },
      mixinStandardHelpOptions = true)
  static final class StreamingStart implements Callable<Integer> {
    private final Services services;

    @Parameters(
        paramLabel = "RUN-OPTIONS",
        arity = "0..*",
        description = "See streaming run --help.")
    List<String> runOptions = new ArrayList<>();

    StreamingStart(Services services) {
      this.services = services;
    }

    @Override
    public Integer call() throws IOException {
      services.startStreaming(runOptions);
      return Commands.OK;
    }
  }
}
