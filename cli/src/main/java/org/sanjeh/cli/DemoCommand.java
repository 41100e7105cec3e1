package org.sanjeh.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sanjeh.core.cli.Commands;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseException;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import picocli.CommandLine.Command;

/**
 * {@code ./sanjeh demo}: the platform up locally with real and synthetic tickets, then where to
 * look. Works from any folder: every path is the checkout's.
 */
@Command(
    name = "demo",
    description =
        "Bring the platform up locally with sample data (ClickHouse, Kafka, intake API, loader, SLA"
            + " job, survey service, batch jobs, dashboards viewer) and print where to look.",
    mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {

  private static final Pattern LINK = Pattern.compile("\"link\":\"([^\"]+)\"");
  private static final String DEMO_SAMPLE_SHARE = "0.05";
  private static final String SLA_COUNTS =
      "SELECT concat('  SLA rows for ', toString((SELECT uniqExact(ticket_id) FROM sla_tickets)),"
          + " ' tickets; alerts: ', toString((SELECT countIf(kind = 'at_risk') FROM sla_alerts)),"
          + " ' at risk, ', toString((SELECT countIf(kind = 'breached') FROM sla_alerts)), '"
          + " breached, ', toString((SELECT countIf(kind = 'recovered') FROM sla_alerts)), '"
          + " recovered; ', toString((SELECT count() FROM sla_minute)), ' minute rows')";

  private final Local local;
  private final LocalServers servers;
  private final Services services;
  private final HttpClient http = HttpClient.newHttpClient();

  DemoCommand(Local local, LocalServers servers, Services services) {
    this.local = local;
    this.servers = servers;
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    Local.say("demo: ClickHouse, Kafka, the intake API, the loader, real and synthetic tickets");
    servers.clickhouseStart();
    Local.say("applying the schema");
    migrate();
    servers.kafkaStart();
    services.startLoader();
    // the loader already stores whole events; the job writes SLA state, alerts and aggregates
    services.startStreaming(List.of("--raw-events", "false"));
    services.startIntake();
    String key = local.intakeKey();
    Path twcc = local.checkout.root().resolve("../shared/data/twcc").normalize();
    if (Files.isDirectory(twcc)) {
      Local.say(
          "importing the real TWCC customer-care conversations through Kafka (personal data"
              + " scrubbed)");
      foreground(Sanjeh.INGESTION, List.of("import", twcc.toString(), "--format", "twcc"));
    } else {
      Local.say("no ../shared/data/twcc beside the checkout: skipping the real conversations");
    }
    generateTickets();
    // History first, then live traffic: the SLA job's event time only moves forward.
    Local.say(
        "sending two live events through the intake API (the second breaks the contract on"
            + " purpose)");
    System.out.println(postLiveEvents(key));
    Local.say("waiting for the loader to copy Kafka into ClickHouse");
    waitForLoader();
    foreground(Sanjeh.WAREHOUSE, List.of("counts"));
    if (!local.env.containsKey("SANJEH_SURVEY_SAMPLESHARE")) {
      services.surveySampleShare = DEMO_SAMPLE_SHARE; // enough answers for the dashboards
    }
    services.startSurvey();
    Local.say(
        "inviting the customers of three resolved tickets to a survey: open a link, answer, then"
            + " ask the scores API");
    inviteThree();
    Thread.sleep(3000);
    Local.say(
        "invitations the survey service made from the resolved tickets on Kafka (a "
            + Math.round(Double.parseDouble(services.surveySampleShare) * 100)
            + "% sample), as messages in var/survey/outbox:");
    Path outbox = local.var().resolve("survey/outbox");
    System.out.printf(
        "  %d invitations with one-click buttons, %d of them also as chat messages; skips and"
            + " reasons:%n",
        count(outbox, ".html"), count(outbox, ".txt"));
    warehouse()
        .query(
            "SELECT reason, count() FROM survey_skips GROUP BY reason ORDER BY count() DESC LIMIT 5",
            row -> row.getString(1) + "\t" + row.getLong(2))
        .forEach(line -> System.out.println("    " + line));
    Local.say(
        "simulated customers answer 60% of those invitations through the answer pages (lower"
            + " scores after an SLA breach, some comments)");
    foreground(Sanjeh.DEVTOOLS, List.of("answer-surveys", "--outbox", outbox.toString()));
    runBatch();
    services.startViewer();
    System.out.print(whereToLook(key));
    return Commands.OK;
  }

  /**
   * Sentiment, KPI rollups, churn and dissatisfaction over what is in the warehouse now. A failure
   * leaves those dashboards empty but the rest of the demo up, so it is reported, not fatal.
   */
  private void runBatch() {
    Local.say(
        "batch jobs on Spark (local): sentiment of the customers' messages, daily KPI rollups,"
            + " churn and dissatisfaction models");
    int status = ChildJvm.run(Sanjeh.BATCH.commandLine(local.checkout, List.of("demo")), local);
    if (status != 0) {
      System.err.println(
          "warning: the batch jobs failed (exit code "
              + status
              + ", see above): the Quality and Churn dashboards stay empty until ./sanjeh batch"
              + " demo succeeds");
    }
  }

  private void migrate() {
    Warehouse warehouse = warehouse();
    MigrationRunner.Report report =
        new MigrationRunner(warehouse).migrate(Migrations.sanjehSchema());
    report.applied().forEach(m -> System.out.println("applied  " + m.name()));
    System.out.printf(
        "schema up to date in %s: %d applied now, %d already applied%n",
        warehouse.config().describe(), report.applied().size(), report.alreadyApplied().size());
  }

  private Warehouse warehouse() {
    return Warehouse.connect(local.warehouse());
  }

  private void foreground(ModuleJvm jvm, List<String> arguments) {
    int status = ChildJvm.run(jvm.commandLine(local.checkout, arguments), local);
    if (status != 0) {
      throw new IllegalStateException(
          jvm.name() + " " + arguments.get(0) + " failed (exit code " + status + "): see above");
    }
  }

  /** 4,000 synthetic tickets onto Kafka in the background, the SLA job's rows as they arrive. */
  private void generateTickets() throws IOException, InterruptedException {
    Local.say(
        "generating 4,000 synthetic tickets (English and Persian, 30 days) onto Kafka; the SLA"
            + " job's rows arriving in ClickHouse:");
    Path log = local.var().resolve("generate.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Sanjeh.DEVTOOLS.commandLine(
                    local.checkout,
                    List.of("generate", "--tickets", "4000", "--days", "30", "--to", "kafka")))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(local.childEnvironment());
    Process generator = builder.start();
    String previous = "";
    for (int i = 0; i < 30; i++) {
      Thread.sleep(2000);
      String current = slaCounts();
      System.out.println(current);
      if (!generator.isAlive() && current.equals(previous) && !current.contains(" 0 tickets")) {
        break;
      }
      previous = current;
    }
    if (generator.waitFor() != 0) {
      throw new IllegalStateException("generating tickets failed: see var/generate.log");
    }
    Files.readAllLines(log).forEach(line -> System.out.println("  " + line));
  }

  private String slaCounts() {
    try {
      return warehouse().query(SLA_COUNTS, row -> row.getString(1)).get(0);
    } catch (WarehouseException e) {
      return "  (no SLA rows yet: " + e.getMessage() + ")";
    }
  }

  private String postLiveEvents(String key) throws IOException, InterruptedException {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    String body =
        "{\"event_id\":\"demo-1-%1$s\",\"ticket_id\":\"DEMO-1\",\"occurred_at\":\"%1$s\",\"type\":\"ticket_created\",\"channel\":\"telegram\",\"author_role\":\"customer\",\"language\":\"fa\",\"body\":\"سلام، سفارش من نرسیده\"}\n{\"event_id\":\"demo-2-%1$s\",\"ticket_id\":\"DEMO-1\",\"occurred_at\":\"%1$s\",\"type\":\"agent_reply\",\"channel\":\"fax\",\"author_role\":\"agent\"}\n"
            .formatted(now);
    return http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + local.intakePort + "/v1/events"))
                .header("X-Api-Key", key)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /**
   * Waits until the loader has caught up: the stored event count stops growing (a minute at most).
   */
  private void waitForLoader() throws InterruptedException {
    long previous = -1;
    for (int i = 0; i < 30; i++) {
      long current;
      try {
        current = warehouse().queryLong("SELECT count() FROM ticket_events");
      } catch (WarehouseException e) {
        current = -1;
      }
      if (current == previous && current != -1) {
        return;
      }
      previous = current;
      Thread.sleep(2000);
    }
    Local.say("the loader is still copying: counts below may grow (see var/loader.log)");
  }

  /** Invites the customers of three resolved demo tickets and prints their links. */
  private void inviteThree() throws IOException, InterruptedException {
    String key = local.secret("survey", "api-key");
    String[] kinds = {"CSAT", "NPS", "CES"};
    String[] languages = {"en", "fa", "en"};
    List<String[]> tickets =
        warehouse()
            .query(
                "SELECT ticket_id, customer_id, team, channel, agent_id FROM ticket_events WHERE"
                    + " event_type = 'resolved' AND source_system = 'synthetic' ORDER BY"
                    + " occurred_at DESC LIMIT 3",
                row ->
                    new String[] {
                      row.getString(1),
                      row.getString(2),
                      row.getString(3),
                      row.getString(4),
                      row.getString(5)
                    });
    for (int i = 0; i < tickets.size(); i++) {
      String[] t = tickets.get(i);
      String body =
          ("{\"ticketId\":\"%s\",\"customerId\":\"%s\",\"kind\":\"%s\",\"team\":\"%s\","
                  + "\"channel\":\"%s\",\"agentId\":\"%s\",\"language\":\"%s\"}")
              .formatted(t[0], t[1], kinds[i], t[2], t[3], t[4], languages[i]);
      String answer =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + services.surveyPort + "/v1/invitations"))
                      .header("X-Api-Key", key)
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher link = LINK.matcher(answer);
      System.out.println(
          link.find()
              ? "  " + kinds[i] + " (" + languages[i] + "): " + link.group(1)
              : "  " + kinds[i] + " (" + languages[i] + "): no invitation: " + answer);
    }
  }

  private static long count(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
    }
  }

  private String viewerKey() {
    try {
      return Files.readString(services.viewerKeyFile()).strip();
    } catch (IOException e) {
      return "in var/dashboards/viewer-key (" + e.getMessage() + ")";
    }
  }

  private String whereToLook(String key) {
    int survey = services.surveyPort;
    return """

        Sanjeh is up.
          Dashboards:  %8$s   (log in with the key %9$s, kept in var/dashboards/viewer-key)
          Intake API:  http://127.0.0.1:%1$d/v1/events   (X-Api-Key: %2$s; health at /healthz; OpenAPI, metrics and health details on 127.0.0.1:%3$d/actuator)
          ClickHouse:  http://127.0.0.1:%4$d  (database sanjeh, user default, password in var/clickhouse/password)
          Kafka:       127.0.0.1:%5$d  (topics ticket-events, ticket-events-dead-letters)
          SLA job:     var/streaming.log; tables sla_tickets, sla_alerts, sla_minute; alerts also on Kafka topic sla-alerts
          Live SLA:    ./sanjeh clickhouse client --query "SELECT target, kind, count() FROM sla_alerts FINAL GROUP BY target, kind"
                       ./sanjeh clickhouse client --query "SELECT toStartOfHour(minute) h, sum(created), sum(first_responses), round(sum(frt_sum_s) / sum(first_responses) / 60) AS frt_min, sum(breaches) FROM sla_minute FINAL GROUP BY h ORDER BY h DESC LIMIT 5"
          Query it:    ./sanjeh clickhouse client --query "SELECT channel, count() FROM ticket_events FINAL GROUP BY channel"
          Rejects:     ./sanjeh clickhouse client --query "SELECT source, line, reason FROM dead_letters LIMIT 5"
          Counts:      ./sanjeh warehouse counts
          Surveys:     http://127.0.0.1:%6$d/s/...   (links above; scores: curl -H "X-Api-Key: $(cat var/survey/api-key)" \\
                       "http://127.0.0.1:%6$d/v1/scores?metric=csat&from=$(date +%%F)&to=$(date -d tomorrow +%%F)&groupBy=team")
                       metrics, health details and OpenAPI on loopback only: http://127.0.0.1:%7$d/actuator
          Stop all:    ./sanjeh stop
        """
        .formatted(
            local.intakePort,
            key,
            local.intakeManagementPort,
            local.clickhouseHttpPort,
            local.kafkaPort,
            survey,
            services.surveyManagementPort,
            services.viewerAddress(),
            viewerKey());
  }
}
