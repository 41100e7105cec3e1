package org.sanjeh.survey.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.survey.SurveyApplication;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import org.sanjeh.web.ApiKeys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The survey service as it runs: real HTTP on free ports (public and management), real ClickHouse.
 * What the survey ITs share: inviting, fetching, posting, and reading the store.
 */
@ExtendWith(ClickHouseExtension.class)
@SpringBootTest(
    classes = SurveyApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "management.server.port=0")
abstract class LiveSurveyService {

  static final String SIGNING_KEY = "integration-test-signing-key-of-32-chars+";
  static final String KEY = "survey-api-key";
  static final ObjectMapper JSON = new ObjectMapper();
  static WarehouseConfig warehouse;
  private static Path spool;

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void schema() throws Exception {
    warehouse = ClickHouseExtension.config(ClickHouseExtension.runningServer(), "it_survey");
    new MigrationRunner(Warehouse.connect(warehouse)).migrate(Migrations.sanjehSchema());
    spool = Files.createTempDirectory("survey-spool-");
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("sanjeh.survey.signing-key", () -> SIGNING_KEY);
    registry.add("sanjeh.survey.api-keys", () -> "crm:" + ApiKeys.sha256(KEY));
    registry.add("sanjeh.survey.spool", () -> spool.toString());
    registry.add("sanjeh.survey.clickhouse-http-port", () -> warehouse.httpPort());
    registry.add("sanjeh.survey.clickhouse-database", () -> warehouse.database());
    registry.add("sanjeh.survey.clickhouse-password", () -> warehouse.password());
  }

  /** An invitation's link as the API returns it, pointed at this test's port. */
  String invite(SurveyKind kind, String team, String language) throws Exception {
    return invite(kind, team, language, "T-" + System.nanoTime());
  }

  String invite(SurveyKind kind, String team, String language, String ticketId) throws Exception {
    String body =
        "{\"ticketId\":\""
            + ticketId
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

  HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> head(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> api(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).header("X-Api-Key", KEY).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A form POST to the link's path (its query left off, as the page's form does). */
  HttpResponse<String> post(String link, String form) throws Exception {
    int query = link.indexOf('?');
    return http.send(
        HttpRequest.newBuilder(URI.create(query < 0 ? link : link.substring(0, query)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The form token of the page at {@code link}, as a browser would read it. */
  String formToken(String link) throws Exception {
    HttpResponse<String> page = get(link);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return field(page.body(), "form");
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  URI management(String path) {
    return URI.create("http://127.0.0.1:" + managementPort + path);
  }

  static String token(String link) {
    int query = link.indexOf('?');
    return link.substring(link.indexOf("/s/") + 3, query < 0 ? link.length() : query);
  }

  /** The invitation id the store keys a link's answers by. */
  static String invitationId(String link) {
    return new org.sanjeh.survey.link.SurveyLinks(
            SIGNING_KEY.getBytes(StandardCharsets.UTF_8), java.time.Clock.systemUTC())
        .verify(token(link))
        .invitationId();
  }

  /** How many of these links have an answer in ClickHouse now. */
  long storedAnswers(List<String> links) {
    String ids =
        links.stream().map(l -> "'" + invitationId(l) + "'").collect(Collectors.joining(","));
    return Warehouse.connect(warehouse)
        .queryLong(
            "SELECT uniqExact(invitation_id) FROM survey_responses WHERE invitation_id IN ("
                + ids
                + ")");
  }

  /**
   * Waits until the spool has moved everything acknowledged so far into ClickHouse: answers a fresh
   * invitation and waits for that answer, which the spool holds after all earlier ones. (The
   * service's own flusher drains it every second; the test does not drain it itself.)
   */
  void awaitSpoolDrained() throws Exception {
    String marker = invite(SurveyKind.CSAT, "drain-marker", "en");
    HttpResponse<String> answered = post(marker, "lang=en&score=5&form=" + enc(formToken(marker)));
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    while (storedAnswers(List.of(marker)) == 0) {
      assertThat(System.nanoTime()).as("the spool drained within 20 s").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  /** The score of the link's last answer in ClickHouse, once the spool has drained. */
  long latestScore(String link) throws Exception {
    awaitSpoolDrained();
    return Warehouse.connect(warehouse)
        .queryLong(
            "SELECT argMax(score, answered_at) FROM survey_responses WHERE invitation_id = '"
                + invitationId(link)
                + "'");
  }

  static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("hidden field " + name + " in " + html).isTrue();
    return m.group(1);
  }

  static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
