package org.sanjeh.devtools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanjeh.core.util.Hashes;
import org.sanjeh.testbed.Checkout;
import org.sanjeh.testbed.LocalProcesses;
import org.sanjeh.testbed.LocalService;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;

/**
 * Answers by POST on 2,000 fresh invitations under wrk, against a survey service of the benchmark's
 * own (database {@code sanjeh_bench}, no Kafka, rate limits lifted for the load generator): each
 * link's page is fetched once first (as the customer's browser does) for its form token; then a
 * warm-up run, the GET baseline, then 24, 32 and 48 connections posting answers.
 */
final class SurveyBench {

  static final String DATABASE = "sanjeh_bench";
  private static final Pattern LINK =
      Pattern.compile("\"link\":\"http://[^/]+(/s/[^\"?]+)[^\"]*\"");

  private final Checkout checkout;
  private final HttpClient http = HttpClient.newHttpClient();

  SurveyBench(Checkout checkout) {
    this.checkout = checkout;
  }

  int run(int invitations) throws Exception {
    WarehouseConfig warehouse =
        WarehouseConfig.fromEnvironment(System.getenv()).withDatabase(DATABASE);
    new MigrationRunner(Warehouse.connect(warehouse)).migrate(Migrations.sanjehSchema());
    Path home = checkout.var().resolve("bench/survey");
    BenchServices.deleteTree(home);
    String key = BenchServices.secret();
    int port = LocalProcesses.freePort();
    String base = "http://127.0.0.1:" + port;
    LocalService survey = new LocalService("survey", checkout.var().resolve("bench"));
    Map<String, String> env = new HashMap<>(warehouse.toEnvironment());
    env.putAll(
        Map.ofEntries(
            Map.entry("SANJEH_SURVEY_SIGNINGKEY", BenchServices.secret()),
            Map.entry("SANJEH_SURVEY_APIKEYS", "bench:" + Hashes.sha256Hex(key)),
            Map.entry("SANJEH_SURVEY_SPOOL", home.resolve("spool").toString()),
            Map.entry("SANJEH_SURVEY_OUTBOX", home.resolve("outbox").toString()),
            Map.entry("SANJEH_SURVEY_UNSENT", home.resolve("unsent").toString()),
            Map.entry("SANJEH_SURVEY_BASEURL", base),
            Map.entry("SANJEH_SURVEY_CLICKHOUSEHTTPPORT", Integer.toString(warehouse.httpPort())),
            Map.entry("SANJEH_SURVEY_CLICKHOUSEPASSWORD", warehouse.password()),
            Map.entry("SANJEH_SURVEY_CLICKHOUSEDATABASE", DATABASE),
            Map.entry("SANJEH_SURVEY_KAFKABOOTSTRAPSERVERS", ""),
            Map.entry("SANJEH_SURVEY_PORT", Integer.toString(port)),
            Map.entry("SANJEH_SURVEY_MANAGEMENT_PORT", Integer.toString(LocalProcesses.freePort())),
            Map.entry("SANJEH_SURVEY_REQUESTSPERLINKPERMINUTE", "100000000"),
            Map.entry("SANJEH_SURVEY_REQUESTSPERADDRESSPERMINUTE", "100000000")));
    System.out.println(
        "survey benchmark: a survey service of its own on "
            + base
            + ", database "
            + warehouse.withDatabase(DATABASE).describe()
            + ", no Kafka; rate limits lifted for the load generator. The demo's survey service"
            + " and sanjeh database are not touched.");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    survey.stop();
    survey.start(
        List.of(java, "-jar", Checkout.built(checkout.execJar("survey-service")).toString()), env);
    try {
      survey.await(
          () -> LocalService.answers(base + "/readyz"),
          Duration.ofSeconds(90),
          "is ClickHouse running? ./sanjeh clickhouse start");
      Path forms = forms(base, key, invitations);
      Path script = checkout.root().resolve("devtools/bench/answers.lua");
      String answers = "forms_file = " + Wrk.luaString(forms.toString()) + "\n";
      String views = answers + "views = true\n";
      System.out.println("==> warm-up (not measured): 15 s");
      Wrk.run(script, answers, base, 32, 15, false, 0);
      System.out.println(
          "==> baseline in the same run: the answer page by GET (what a link scanner fetches;"
              + " records nothing), 32 connections, 15 s");
      Wrk.run(script, views, base, 32, 15, true, 0);
      for (int connections : List.of(24, 32, 48)) {
        System.out.println("==> wrk: answers by POST, " + connections + " connections, 15 s");
        Wrk.run(script, answers, base, connections, 15, true, 0);
      }
      Files.deleteIfExists(forms);
    } finally {
      survey.stop();
      Warehouse.connect(warehouse.withDatabase("default"))
          .execute("DROP DATABASE IF EXISTS " + DATABASE);
    }
    return 0;
  }

  /** Creates the invitations and opens each one's page: "/s/TOKEN FORM" per line. */
  private Path forms(String base, String key, int invitations)
      throws IOException, InterruptedException {
    System.out.printf("==> creating %,d invitations and opening each one's page%n", invitations);
    List<String> lines = new ArrayList<>();
    long run = System.currentTimeMillis() / 1000;
    for (int i = 1; i <= invitations; i++) {
      String body =
          ("{\"ticketId\":\"BENCH-%d-%d\",\"customerId\":\"C-%d\",\"kind\":\"CSAT\","
                  + "\"team\":\"bench\",\"language\":\"en\"}")
              .formatted(run, i, i);
      String created =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + "/v1/invitations"))
                      .header("X-Api-Key", key)
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher link = LINK.matcher(created);
      if (!link.find()) {
        throw new IllegalStateException("the survey service made no invitation: " + created);
      }
      String page =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + link.group(1) + "?lang=en")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      // the answer page's form token, read as the demo's customers read it (one parser)
      lines.add(link.group(1) + " " + AnswerSurveysCommand.formToken(page));
    }
    Path forms = Files.createTempFile("sanjeh-survey-forms", ".txt");
    Files.write(forms, lines);
    return forms;
  }
}
