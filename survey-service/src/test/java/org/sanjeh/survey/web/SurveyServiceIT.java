package org.sanjeh.survey.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.survey.SurveyApplication;
import org.sanjeh.survey.api.ApiKeyInterceptor;
import org.sanjeh.survey.link.SurveyLinks;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The survey service end to end: real HTTP, real ClickHouse, pages in English and Persian. */
@ExtendWith(ClickHouseExtension.class)
@SpringBootTest(
    classes = SurveyApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SurveyServiceIT {

  private static final String SIGNING_KEY = "integration-test-signing-key-of-32-chars+";
  private static final String KEY = "survey-api-key";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WarehouseConfig warehouse;
  private static Path spool;

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void schema() throws Exception {
    warehouse = ClickHouseExtension.runningServer().config("it_survey");
    new MigrationRunner(Warehouse.connect(warehouse)).migrate(Migrations.sanjehSchema());
    spool = Files.createTempDirectory("survey-spool-");
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("sanjeh.survey.signing-key", () -> SIGNING_KEY);
    registry.add("sanjeh.survey.api-keys", () -> "crm:" + ApiKeyInterceptor.sha256(KEY));
    registry.add("sanjeh.survey.spool", () -> spool.toString());
    registry.add("sanjeh.survey.clickhouse-http-port", () -> warehouse.httpPort());
    registry.add("sanjeh.survey.clickhouse-database", () -> warehouse.database());
    registry.add("sanjeh.survey.clickhouse-password", () -> warehouse.password());
  }

  @Test
  void aCustomerAnswersWithOneClickAddsAReasonAndTheScoreShowsInTheApi() throws Exception {
    String team = "team-" + System.nanoTime();
    String link = invite(SurveyKind.CSAT, team, "en");

    HttpResponse<String> oneClick = get(link + "&score=4");
    assertThat(oneClick.statusCode()).isEqualTo(200);
    assertThat(oneClick.body())
        .contains("How satisfied are you with the support you received?")
        .contains("your answer is recorded")
        .contains("class=\"chosen\"")
        .contains("<html lang=\"en\" dir=\"ltr\">");

    String csrf = field(oneClick.body(), "csrf");
    HttpResponse<String> followUp =
        post(
            link,
            "lang=en&score=4&csrf="
                + enc(csrf)
                + "&reasons=speed&reasons=not-a-reason&comment="
                + enc("<script>alert(1)</script> fast!"));
    assertThat(followUp.statusCode()).isEqualTo(200);
    assertThat(followUp.body()).contains("Thank you!").doesNotContain("<script>");

    get(
        link.replace(
            "?lang=en",
            "?lang=en&score=2")); // a second invitee-free answer would be separate; this changes
    // ours
    JsonNode scores = awaitScores("csat", team);
    assertThat(scores.get("answered").asInt()).isEqualTo(1);
    assertThat(scores.get("value").asDouble()).as("the last answer (2) wins").isEqualTo(0.0);
    assertThat(scores.get("invited").asInt()).isEqualTo(1);
    assertThat(scores.get("response_rate").asDouble()).isEqualTo(1.0);
    Warehouse store = Warehouse.connect(warehouse);
    assertThat(
            store.query(
                "SELECT comment, reasons FROM survey_responses FINAL WHERE comment != ''",
                r -> r.getString(1) + " " + r.getString(2)))
        .anySatisfy(row -> assertThat(row).startsWith("<script>alert(1)</script> fast! ['speed']"));
  }

  @Test
  void thePersianPageIsRightToLeftWithPersianDigitsAndAJalaliDate() throws Exception {
    String link = invite(SurveyKind.NPS, "fa-team", "fa");

    HttpResponse<String> page = get(link + "&score=" + enc("۹"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<html lang=\"fa\" dir=\"rtl\">")
        .contains("چقدر احتمال دارد ما را به یک دوست یا همکار پیشنهاد کنید؟")
        .contains(">۹</a>")
        .contains(">۱۰</a>")
        .contains("این نظرسنجی تا ۱۴");
  }

  @Test
  void forgedExpiredAndOutOfRangeAnswersAreRefusedWithAReason() throws Exception {
    String link = invite(SurveyKind.CES, "t", "en");
    String token = link.substring(link.indexOf("/s/") + 3, link.indexOf('?'));
    SurveyLinks sameKey =
        new SurveyLinks(SIGNING_KEY.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
    String expired = sameKey.issue(SurveyKind.CES, Duration.ofSeconds(-1));

    HttpResponse<String> forged =
        get(
            "http://127.0.0.1:"
                + port
                + "/s/"
                + token.substring(0, token.length() - 2)
                + "xx?lang=en");
    HttpResponse<String> late = get("http://127.0.0.1:" + port + "/s/" + expired + "?score=5");
    HttpResponse<String> outOfRange = get(link + "&score=9");
    HttpResponse<String> noCsrf = post(link, "lang=en&score=5&comment=hi");

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("not one we sent");
    assertThat(late.statusCode()).isEqualTo(410);
    assertThat(outOfRange.statusCode()).isEqualTo(400);
    assertThat(outOfRange.body()).contains("CES scores go from 1 to 7, got 9");
    assertThat(noCsrf.statusCode()).isEqualTo(400);
  }

  @Test
  void aHammeredLinkIsRateLimitedWithRetryAfter() throws Exception {
    String link = invite(SurveyKind.CSAT, "rate", "en");
    int limited = 0;
    String retryAfter = null;
    for (int i = 0; i < 35; i++) {
      HttpResponse<String> response = get(link);
      if (response.statusCode() == 429) {
        limited++;
        retryAfter = response.headers().firstValue("Retry-After").orElse(null);
      }
    }
    assertThat(limited).as("30 requests per link per minute, then 429").isBetween(5, 35);
    assertThat(retryAfter).isNotNull();
  }

  @Test
  void theOpenApiDescriptionAndTheMetricsAreServed() throws Exception {
    HttpResponse<String> openApi =
        http.send(
            HttpRequest.newBuilder(uri("/v3/api-docs")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    get(invite(SurveyKind.CES, "m", "en") + "&score=6");
    HttpResponse<String> answers =
        http.send(
            HttpRequest.newBuilder(uri("/actuator/metrics/sanjeh.survey.answers")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(openApi.statusCode()).isEqualTo(200);
    assertThat(openApi.body()).contains("/v1/invitations").contains("/v1/scores");
    assertThat(answers.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(answers.body()).at("/measurements/0/value").asDouble())
        .isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void invitationsAndScoresNeedAnApiKeyAndValidInput() throws Exception {
    HttpResponse<String> noKey =
        http.send(
            HttpRequest.newBuilder(uri("/v1/invitations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> badMetric =
        api("/v1/scores?metric=happiness&from=2026-01-01&to=2026-02-01");

    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(badMetric.statusCode()).isEqualTo(400);
    assertThat(badMetric.body()).contains("metric=\\\"happiness\\\" is not one of csat, nps, ces");
  }

  /**
   * The pages in a real browser (Debian's headless Chromium, installed by ./sanjeh setup): the
   * rendered DOM in English and Persian, and screenshots saved to target/screenshots.
   */
  @Test
  void theAnswerPagesRenderInARealBrowserInEnglishAndPersian() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(chromium) || System.getenv("CI") != null,
        "no /usr/bin/chromium: run ./sanjeh setup to install it");
    Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
    for (String lang : new String[] {"en", "fa"}) {
      String page =
          invite(SurveyKind.CSAT, "browser", lang)
              + "&score="
              + ("fa".equals(lang) ? enc("۵") : "5");
      String dom = chromium(chromium, "--dump-dom", page);
      Path png = screenshots.resolve("survey-" + lang + ".png");
      chromium(chromium, "--screenshot=" + png.toAbsolutePath(), page);

      assertThat(dom).contains("fa".equals(lang) ? "dir=\"rtl\"" : "dir=\"ltr\"");
      assertThat(dom).contains("fa".equals(lang) ? "پاسخ شما ثبت شد" : "your answer is recorded");
      assertThat(dom).contains("fa".equals(lang) ? ">۵</a>" : ">5</a>");
      assertThat(Files.size(png)).as("screenshot %s", png).isGreaterThan(5_000);
    }
  }

  private static String chromium(Path binary, String action, String url) throws Exception {
    Path profile = Files.createTempDirectory("chromium-profile-");
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=412,900",
                action,
                url)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS))
        .as("chromium finished")
        .isTrue();
    return out;
  }

  private JsonNode awaitScores(String metric, String team) throws Exception {
    String today = LocalDate.now().toString();
    String tomorrow = LocalDate.now().plusDays(1).toString();
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode group :
          JSON.readTree(
              api("/v1/scores?metric="
                      + metric
                      + "&from="
                      + today
                      + "&to="
                      + tomorrow
                      + "&groupBy=team")
                  .body())) {
        if (team.equals(group.get("group").asText())
            && group.get("invited").asInt() > 0
            && group.get("value").asDouble() == 0.0) {
          return group;
        }
      }
      Thread.sleep(300);
    }
    throw new AssertionError(
        "no scores for "
            + team
            + ": "
            + api("/v1/scores?metric="
                    + metric
                    + "&from="
                    + today
                    + "&to="
                    + tomorrow
                    + "&groupBy=team")
                .body());
  }

  private String invite(SurveyKind kind, String team, String language) throws Exception {
    String body =
        "{\"ticketId\":\"T-"
            + System.nanoTime()
            + "\",\"customerId\":\"C-1\",\"kind\":\""
            + kind
            + "\",\"channel\":\"email\",\"team\":\""
            + team
            + "\",\"agentId\":\"a-7\",\"language\":\""
            + language
            + "\"}";
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(uri("/v1/invitations"))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String link = JSON.readTree(created.body()).get("link").asText();
    return link.replace("http://127.0.0.1:18090", "http://127.0.0.1:" + port);
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> api(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).header("X-Api-Key", KEY).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String link, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(link.substring(0, link.indexOf('?'))))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("hidden field " + name).isTrue();
    return m.group(1);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
