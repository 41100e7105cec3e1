package org.sanjeh.survey.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.warehouse.Warehouse;

/** The survey service end to end: real HTTP, real ClickHouse, pages in English and Persian. */
class SurveyServiceIT extends LiveSurveyService {

  @Test
  void aCustomerAnswersFromTheMessageAddsAReasonAndTheScoreShowsInTheApi() throws Exception {
    String team = "team-" + System.nanoTime();
    String link = invite(SurveyKind.CSAT, team, "en");

    HttpResponse<String> page = get(link + "&score=4");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(page.body())
        .contains("How satisfied are you with the support you received?")
        .contains("value=\"4\" aria-label=\"4\" checked=\"checked\"")
        .contains("data-autosubmit=\"true\"")
        .as("without script, one press sends it")
        .contains("<button type=\"submit\">Send</button>")
        .contains("<html lang=\"en\" dir=\"ltr\">");

    String form = field(page.body(), "form");
    HttpResponse<String> answered = post(link, "lang=en&score=4&form=" + enc(form));
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(answered.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(answered.body())
        .contains("Your answer is recorded")
        .contains("name=\"comment\"")
        .contains("name=\"step\" value=\"comment\"");

    HttpResponse<String> followUp =
        post(
            link,
            "lang=en&step=comment&score=4&form="
                + enc(field(answered.body(), "form"))
                + "&reasons=speed&reasons=not-a-reason&comment="
                + enc("<script>alert(1)</script> fast!"));
    assertThat(followUp.statusCode()).isEqualTo(200);
    assertThat(followUp.body()).contains("Your answer and comments are saved.");
    assertThat(followUp.body()).doesNotContain("<script>alert");

    post(link, "lang=en&score=2&form=" + enc(form)); // a change of mind: the last answer wins
    JsonNode scores = awaitScores("csat", team);
    assertThat(scores.get("answered").asInt()).isEqualTo(1);
    assertThat(scores.get("value").asDouble()).as("the last answer (2) wins").isEqualTo(0.0);
    assertThat(scores.get("invited").asInt()).isEqualTo(1);
    assertThat(scores.get("response_rate").asDouble()).isEqualTo(1.0);
    Warehouse store = Warehouse.connect(warehouse);
    assertThat(
            store.query(
                "SELECT comment, reasons FROM survey_responses FINAL WHERE invitation_id = '"
                    + invitationId(link)
                    + "'",
                r -> r.getString(1) + " " + r.getString(2)))
        .containsExactly("<script>alert(1)</script> fast! ['speed']");
  }

  @Test
  void thePersianPageIsRightToLeftWithPersianDigitsAndAJalaliDate() throws Exception {
    String link = invite(SurveyKind.NPS, "fa-team", "fa");

    HttpResponse<String> page = get(link + "&score=" + enc("۹"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<html lang=\"fa\" dir=\"rtl\">")
        .contains("چقدر احتمال دارد ما را به یک دوست یا همکار پیشنهاد کنید؟")
        .contains("value=\"9\" aria-label=\"۹\" checked=\"checked\"")
        .contains(">۹</span>")
        .contains(">۱۰</span>")
        .contains("aria-label=\"۰, اصلاً\"")
        .contains("این نظرسنجی تا ۱۴");
  }

  @Test
  void thePageNamesTheBusinessAndTheConversationAndLabelsTheScaleEnds() throws Exception {
    String link = invite(SurveyKind.CES, "context", "en");

    String page = get(link).body();
    for (int tries = 0; tries < 20 && !page.contains("conversation of"); tries++) {
      Thread.sleep(250); // the invitation reaches ClickHouse within a second
      page = get(link).body();
    }

    assertThat(page)
        .contains("class=\"name\">Sanjeh</span>")
        .contains("Your e-mail conversation of ")
        .contains("role=\"radiogroup\"")
        .contains("aria-label=\"1, Strongly disagree\"")
        .contains("aria-label=\"7, Strongly agree\"")
        .contains(">Strongly disagree</span>");
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
    assertThat(limited).as("30 requests per link per minute, then 429").isEqualTo(5);
    assertThat(retryAfter).isNotNull();
  }

  @Test
  void metricsHealthDetailsAndTheApiDescriptionAreOnTheLoopbackManagementPortOnly()
      throws Exception {
    post(invite(SurveyKind.CES, "m", "en"), "lang=en&score=6&form=x"); // refused: counted
    for (String path :
        new String[] {
          "/v3/api-docs",
          "/actuator/openapi",
          "/actuator/metrics",
          "/actuator/metrics/sanjeh.survey.refused",
          "/actuator/health",
          "/actuator"
        }) {
      assertThat(plainGet(uri(path)).statusCode()).as("public port " + path).isEqualTo(404);
    }
    assertThat(plainGet(uri("/readyz")).statusCode()).isEqualTo(200);
    assertThat(plainGet(uri("/readyz")).body()).doesNotContain("components");

    HttpResponse<String> openApi = plainGet(management("/actuator/openapi"));
    HttpResponse<String> refused = plainGet(management("/actuator/metrics/sanjeh.survey.refused"));
    assertThat(openApi.statusCode()).isEqualTo(200);
    assertThat(openApi.body()).contains("/v1/invitations").contains("/v1/scores");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(refused.body()).at("/measurements/0/value").asDouble())
        .isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void everyPageStaticFileAndErrorCarriesTheSecurityHeaders() throws Exception {
    String link = invite(SurveyKind.CSAT, "headers", "en");
    for (java.net.URI target :
        new java.net.URI[] {
          java.net.URI.create(link),
          uri("/survey.css"),
          uri("/survey.js"),
          uri("/brand.css"),
          uri("/s/not-a-token"),
          uri("/no-such-page"),
          uri("/v1/scores")
        }) {
      HttpResponse<String> response = plainGet(target);
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .as("CSP of %s (%d)", target, response.statusCode())
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains("frame-ancestors 'none'")
                      .contains("script-src 'self'")
                      .doesNotContain("unsafe"));
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }
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

  private HttpResponse<String> plainGet(java.net.URI target) throws Exception {
    return http.send(
        HttpRequest.newBuilder(target).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode awaitScores(String metric, String team) throws Exception {
    String query =
        "/v1/scores?metric="
            + metric
            + "&from="
            + LocalDate.now()
            + "&to="
            + LocalDate.now().plusDays(1)
            + "&groupBy=team";
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode group : JSON.readTree(api(query).body())) {
        if (team.equals(group.get("group").asText())
            && group.get("invited").asInt() > 0
            && group.get("value").asDouble() == 0.0) {
          return group;
        }
      }
      Thread.sleep(300);
    }
    throw new AssertionError("no scores for " + team + ": " + api(query).body());
  }
}
