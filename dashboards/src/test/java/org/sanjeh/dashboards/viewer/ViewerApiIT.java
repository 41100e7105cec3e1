package org.sanjeh.dashboards.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanjeh.dashboards.definition.Chart;
import org.sanjeh.dashboards.definition.Dashboard;
import org.sanjeh.dashboards.definition.DefinitionLoader;
import org.sanjeh.warehouse.Warehouse;

/** The JSON API over real HTTP and a real ClickHouse: keys, sessions, bound filters, problems. */
class ViewerApiIT extends LiveViewer {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theApiRefusesARequestWithoutAKeyOrSessionWithA401ProblemBeforeAnyQuery() throws Exception {
    HttpResponse<String> none = get("/api/dashboards/live_service/charts/open_backlog");
    HttpResponse<String> wrong =
        get("/api/dashboards/live_service/charts/open_backlog", "X-Api-Key", "not-the-key");

    for (HttpResponse<String> response : List.of(none, wrong)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(JSON.readTree(response.body()).get("title").asText())
          .isEqualTo("Missing or unknown viewer key");
    }
  }

  @Test
  void aPageWithoutASessionSendsTheBrowserToTheLoginFormAndBack() throws Exception {
    HttpResponse<String> page = get("/d/experience?lang=fa");

    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow())
        .endsWith("/login?next=%2Fd%2Fexperience%3Flang%3Dfa");
  }

  @Test
  void loggingInWithTheKeyOnceGivesAnHttpOnlySameSiteCookieThatOpensTheApi() throws Exception {
    HttpResponse<String> wrong = login("wrong-key-wrong-key");
    HttpResponse<String> right = login(KEY);

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(right.statusCode()).isEqualTo(302);
    assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("/d/live_service");
    String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .contains("HttpOnly")
        .contains("SameSite=Strict")
        .startsWith("SANJEH_VIEWER=");
    HttpResponse<String> withSession =
        get("/api/dashboards/live_service", "Cookie", cookie.substring(0, cookie.indexOf(';')));
    assertThat(withSession.statusCode()).isEqualTo(200);
  }

  @Test
  void everyChartOfBothDashboardsAnswersWithItsSeededRows() throws Exception {
    for (Dashboard dashboard : DefinitionLoader.bundled().dashboards()) {
      for (Chart chart : dashboard.charts()) {
        HttpResponse<String> response = api(chartPath(dashboard, chart) + "?" + SEED_DAYS);

        assertThat(response.statusCode()).as(chart.id() + ": " + response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("rows").size()).as(chart.id()).isPositive();
        assertThat(body.get("from").asText()).isEqualTo(SEED_DAYS.substring(5, 15));
      }
    }
  }

  @Test
  void aChartOverASnapshotSaysWhenItsFiguresAreFromOnceTheViewerHasTakenItAndALiveOneDoesNot()
      throws Exception {
    String snapshot = "/api/dashboards/experience/charts/csat_over_time?" + SEED_DAYS;
    String live = "/api/dashboards/live_service/charts/open_backlog?" + SEED_DAYS;
    java.time.Instant began = java.time.Instant.now();

    // the viewer takes its snapshots in the background from its start: wait for the first
    JsonNode body = JSON.readTree(api(snapshot).body());
    for (int i = 0; i < 300 && body.get("snapshotAt").isNull(); i++) {
      Thread.sleep(100);
      body = JSON.readTree(api(snapshot).body());
    }

    assertThat(body.get("snapshotAt").isNull()).as("snapshot taken within 30 s").isFalse();
    assertThat(java.time.Instant.parse(body.get("snapshotAt").asText()))
        .isBefore(java.time.Instant.now().plusSeconds(1))
        .isAfter(began.minusSeconds(600));
    assertThat(body.get("rows").size()).isPositive();
    assertThat(JSON.readTree(api(live).body()).get("snapshotAt").isNull()).isTrue();
  }

  @Test
  void aPersianDashboardCarriesTheTitlesOfStoredValuesAndTheRowsKeepTheStoredOnes()
      throws Exception {
    JsonNode view = JSON.readTree(api("/api/dashboards/live_service?lang=fa").body());
    JsonNode rows =
        JSON.readTree(api("/api/dashboards/live_service/charts/sla_compliance_by_target").body())
            .get("rows");

    assertThat(view.at("/valueTitles/state/at_risk").asText()).isEqualTo("در خطر");
    assertThat(view.at("/valueTitles/target/first_response").asText()).isEqualTo("نخستین پاسخ");
    assertThat(view.at("/valueTitles/channel/whatsapp").asText()).isEqualTo("واتس‌اپ");
    assertThat(view.get("valueTitles").has("team")).as("free text is shown as stored").isFalse();
    assertThat(rows.findValuesAsText("target")).contains("first_response");
  }

  @Test
  void filterValuesAreBoundSoTheyCutTheNumberAndAQuoteIsJustAValue() throws Exception {
    String path = "/api/dashboards/live_service/charts/open_backlog?" + SEED_DAYS;

    assertThat(number(api(path), "open_tickets")).isEqualTo(SEED.openTickets(null));
    assertThat(number(api(path + "&team=billing"), "open_tickets"))
        .isEqualTo(SEED.openTickets("billing"))
        .isLessThan(SEED.openTickets(null));
    assertThat(number(api(path + "&team=billing&team=tech"), "open_tickets"))
        .isEqualTo(SEED.openTickets(null));
    String injection = URLEncoder.encode("billing' OR 1=1 --", StandardCharsets.UTF_8);
    assertThat(number(api(path + "&team=" + injection), "open_tickets")).isZero();
  }

  @Test
  void anUnknownDashboardOrChartIsA404Problem() throws Exception {
    assertProblem(api("/api/dashboards/nope"), 404, "no dashboard 'nope'");
    // a chart of the other dashboard is not a chart of this one
    assertProblem(
        api("/api/dashboards/live_service/charts/csat_over_time"),
        404,
        "no chart 'csat_over_time' on dashboard 'live_service'");
  }

  @Test
  void aBadFilterValueIsA400ProblemNamingTheFieldAndTheValue() throws Exception {
    String chart = "/api/dashboards/live_service/charts/team_and_agent?";

    assertField(api(chart + "from=2026-13-01"), "from", "2026-13-01");
    assertField(api(chart + "from=2026-12-01&to=2026-11-01"), "from", "2026-12-01..2026-11-01");
    assertField(api(chart + "tema=billing"), "tema", "");
    assertField(api(chart + "team=" + "x".repeat(201)), "team", "x".repeat(100) + "…");
    assertField(api(chart + "to=2026-11-30&to=2026-12-01"), "to", "2026-11-30,2026-12-01");
  }

  @Test
  void aCountedNumberDrillsDownToExactlyThatManyTickets() throws Exception {
    long open =
        number(api("/api/dashboards/live_service/charts/open_backlog?team=tech"), "open_tickets");
    JsonNode list =
        JSON.readTree(
            api("/api/dashboards/live_service/charts/open_backlog/tickets?metric=open_tickets&team=tech")
                .body());

    assertThat(list.get("rows").size()).isEqualTo(open).isPositive();
    assertThat(list.get("columns").get(0).asText()).isEqualTo("ticket_id");
    for (JsonNode row : list.get("rows")) {
      assertThat(row.get("team").asText()).isEqualTo("tech");
    }
  }

  @Test
  void aPointOfALineDrillsDownByItsTimeBucket() throws Exception {
    JsonNode rows =
        JSON.readTree(api("/api/dashboards/experience/charts/csat_over_time?" + SEED_DAYS).body())
            .get("rows");
    JsonNode day = rows.get(0);
    HttpResponse<String> list =
        api(
            "/api/dashboards/experience/charts/csat_over_time/tickets?metric=csat_answered&at.time_bucket="
                + day.get("time_bucket").asText()
                + "&"
                + SEED_DAYS);

    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(JSON.readTree(list.body()).get("rows").size())
        .isEqualTo(day.get("csat_answered").asInt());
  }

  @Test
  void aRateListsTheTicketsItDividesByAndMarksThoseItCountsAboveTheLine() throws Exception {
    JsonNode tile = null;
    for (JsonNode row :
        JSON.readTree(
                api("/api/dashboards/live_service/charts/sla_compliance_by_target?" + SEED_DAYS)
                    .body())
            .get("rows")) {
      if (row.get("target").asText().equals("first_response")) {
        tile = row;
      }
    }
    JsonNode list =
        JSON.readTree(
            api("/api/dashboards/live_service/charts/sla_compliance_by_target/tickets?metric=compliance"
                    + "&at.target=first_response&"
                    + SEED_DAYS)
                .body());

    long achieved = tile.get("achieved").asLong();
    long breached = tile.get("breached").asLong();
    assertThat(list.get("rows").size()).isEqualTo(achieved + breached);
    assertThat(list.get("numerator").asLong()).isEqualTo(achieved);
    long counted = 0;
    for (JsonNode row : list.get("rows")) {
      counted += row.get("counted").asBoolean() ? 1 : 0;
    }
    assertThat(counted).isEqualTo(achieved);
  }

  @Test
  void aQuantileHasNoListBehindItAndADrillMustNameItsPlace() throws Exception {
    String path = "/api/dashboards/live_service/charts/team_and_agent/tickets?";

    assertField(
        api(path + "metric=frt_p50_min&at.team=tech&at.agent_id=a1"), "metric", "frt_p50_min");
    assertField(api(path + "metric=tickets&at.team=tech"), "at.agent_id", "");
    assertField(
        api(path + "metric=tickets&at.team=tech&at.agent_id=a1&at.target=x"), "at.target", "");
    assertField(api(path + "metric=nope"), "metric", "nope");
  }

  @Test
  void aMonthlyLineGroupsByJalaliMonthsInPersianAndItsMonthDrillsDown() throws Exception {
    // the seed's days, 28 November to 1 December 2026, are 7 to 10 Azar 1405: one Jalali month,
    // two Gregorian ones
    String path = "/api/dashboards/experience/charts/csat_by_month?" + SEED_DAYS;
    JsonNode gregorian = JSON.readTree(api(path + "&lang=en").body()).get("rows");
    JsonNode jalali = JSON.readTree(api(path + "&lang=fa").body()).get("rows");

    assertThat(gregorian)
        .extracting(r -> r.get("time_bucket").asText())
        .containsExactly("2026-11-01", "2026-12-01");
    assertThat(jalali).extracting(r -> r.get("time_bucket").asText()).containsExactly("2026-11-22");
    long answers = jalali.get(0).get("csat_answered").asLong();
    assertThat(answers)
        .isEqualTo(
            gregorian.get(0).get("csat_answered").asLong()
                + gregorian.get(1).get("csat_answered").asLong());
    JsonNode list =
        JSON.readTree(
            api("/api/dashboards/experience/charts/csat_by_month/tickets?metric=csat_answered"
                    + "&at.time_bucket=2026-11-22&lang=fa&"
                    + SEED_DAYS)
                .body());
    assertThat(list.get("rows").size()).isEqualTo(answers);
  }

  @Test
  void aTableExportsAsCsvWithAHeaderRow() throws Exception {
    HttpResponse<String> csv =
        api("/api/dashboards/live_service/charts/sla_compliance_by_target/csv?" + SEED_DAYS);

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment")
        .contains("sla_compliance_by_target.csv");
    assertThat(csv.body()).startsWith("\uFEFFtarget,compliance,achieved,breached\r\n");
  }

  @Test
  void aTicketsTimelineExplainsEachTargetFromItsStoredEvents() throws Exception {
    HttpResponse<String> response = api("/api/tickets/" + TICKET_WITH_EVENTS + "/timeline");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode timeline = JSON.readTree(response.body());
    assertThat(timeline.get("events").size()).isPositive();
    JsonNode first = timeline.get("targets").get(0);
    assertThat(first.get("target").asText()).isEqualTo("first_response");
    assertThat(first.get("reason").asText()).isNotBlank();
    assertThat(first.get("segments").size()).isPositive();
    assertProblem(
        api("/api/tickets/no-such-ticket/timeline"),
        404,
        "no events stored for ticket 'no-such-ticket'");
  }

  @Test
  void aTimelineWithAStoredValueThisVersionDoesNotKnowIsAProblemNamingIt() throws Exception {
    Warehouse warehouse = seededWarehouse();
    // in a partition of its own (January 2000), dropped afterwards so no other figure sees it
    warehouse.execute(
        "INSERT INTO ticket_events (event_id, ticket_id, occurred_at, event_type, version) VALUES"
            + " ('E-unreadable', 'T-unreadable', toDateTime('2000-01-03 10:00:00', 'UTC'),"
            + " 'sla_paused_by_robot', 1)");
    try {
      assertProblem(
          api("/api/tickets/T-unreadable/timeline"),
          500,
          "stored event 'E-unreadable' has event_type 'sla_paused_by_robot', which this version of"
              + " Sanjeh does not know: upgrade Sanjeh, or correct the row in ticket_events");
    } finally {
      warehouse.execute("ALTER TABLE ticket_events DROP PARTITION 200001");
    }
  }

  @Test
  void echartsAndItsLicencesAreServedFromTheJarWithoutAKey() throws Exception {
    assertThat(get("/vendor/echarts/dist/echarts.min.js").statusCode()).isEqualTo(200);
    assertThat(get("/vendor/echarts/LICENSE").body()).contains("Apache License");
    assertThat(get("/vendor/echarts/NOTICE").statusCode()).isEqualTo(200);
    assertThat(get("/vendor/echarts/zrender/LICENSE").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> login(String key) throws Exception {
    String form =
        "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&next=%2Fd%2Flive_service";
    return http.send(
        HttpRequest.newBuilder(uri("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String chartPath(Dashboard dashboard, Chart chart) {
    return "/api/dashboards/" + dashboard.id() + "/charts/" + chart.id();
  }

  private static long number(HttpResponse<String> response, String metric) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("rows").get(0).get(metric).asLong();
  }

  private static void assertProblem(HttpResponse<String> response, int status, String detail)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(response.body()).get("detail").asText()).isEqualTo(detail);
  }

  private static void assertField(HttpResponse<String> response, String field, String value)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("field").asText()).as(response.body()).isEqualTo(field);
    assertThat(problem.get("value").asText()).as(response.body()).isEqualTo(value);
    assertThat(problem.get("detail").asText()).startsWith(field);
  }
}
