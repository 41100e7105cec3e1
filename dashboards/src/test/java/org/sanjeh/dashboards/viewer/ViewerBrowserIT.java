package org.sanjeh.dashboards.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.sanjeh.dashboards.definition.Chart;
import org.sanjeh.dashboards.definition.ChartKind;
import org.sanjeh.dashboards.definition.Dashboard;
import org.sanjeh.dashboards.definition.DefinitionLoader;

/**
 * Both dashboards in a real browser (Debian's headless Chromium via Selenium) with the seeded
 * warehouse, in English and Persian, on a 360 px phone and on 1920 and 3840 px wall screens: every
 * tile drawn with data, lines by ECharts (right-to-left in Persian), Persian digits and Jalali
 * dates, no console error; then a drill-down followed to a ticket's timeline. Screenshots go to
 * target/screenshots for a person to look at.
 */
class ViewerBrowserIT extends LiveViewer {

  static final Path SCREENSHOTS =
      Path.of(System.getProperty("sanjeh.screenshots", "target/screenshots"));

  record Size(String name, int width, int height) {}

  static final List<Size> SIZES =
      List.of(
          new Size("phone", 360, 780),
          new Size("wall", 1920, 1080),
          new Size("wall4k", 3840, 2160));

  /** One browser for the class, logged in once (the server's port is known per instance). */
  private static Browser browser;

  @BeforeEach
  void logIn() {
    if (browser == null) {
      browser = new Browser("http://127.0.0.1:" + port);
      browser.logIn(KEY);
    }
  }

  @AfterAll
  static void quit() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @Test
  void everyDashboardDrawsEveryChartWithDataInBothLanguagesOnAPhoneAndAWall() {
    List<String> problems = new ArrayList<>();
    for (Dashboard dashboard : DefinitionLoader.bundled().dashboards()) {
      for (String lang : List.of("en", "fa")) {
        for (Size size : SIZES) {
          String page = dashboard.id() + "-" + lang + "-" + size.name();
          browser.size(size.width(), size.height());
          browser.open("/d/" + dashboard.id() + "?lang=" + lang);
          browser.waitForDashboard();
          for (Chart chart : dashboard.charts()) {
            problems.addAll(drawnWithData(page, chart, lang));
          }
          assertThat(browser.js("return document.documentElement.dir"))
              .isEqualTo(lang.equals("fa") ? "rtl" : "ltr");
          long overflow =
              (Long) browser.js("return document.documentElement.scrollWidth - window.innerWidth;");
          assertThat(overflow)
              .as(page + ": the page is no wider than the screen")
              .isLessThanOrEqualTo(0);
          assertThat(browser.consoleErrors()).as(page + ": console errors").isEmpty();
          browser.screenshot(SCREENSHOTS, page, size.width());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void persianShowsPersianDigitsAndJalaliDates() {
    browser.size(1920, 1080);
    browser.open("/d/live_service?lang=fa");
    browser.waitForDashboard();

    String backlog = browser.find("[data-chart=open_backlog] .number").getText();
    String firstDay = browser.find("[data-chart=frt_today_vs_yesterday] tbody td").getText();

    assertThat(backlog).matches("[۰-۹٬]+");
    // the seed's last days are 9 and 10 Azar 1405 in the Persian calendar
    assertThat(firstDay).contains("آذر").contains("۱۴۰۵");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void aDrillDownFromATableFollowsToATicketsTimeline() {
    browser.size(1920, 1080);
    browser.open("/d/live_service?lang=en");
    browser.waitForDashboard();

    WebElement link = null;
    for (WebElement count :
        browser.findAll("[data-chart=team_and_agent] tbody tr td:nth-child(3) button.drill")) {
      count.click();
      browser.waitFor(d -> browser.find("#drill").getAttribute("data-rows") != null);
      List<WebElement> links =
          browser.findAll("#drill a.ticket").stream()
              .filter(a -> a.getText().equals(TICKET_WITH_EVENTS))
              .toList();
      if (!links.isEmpty()) {
        link = links.get(0);
        break;
      }
      browser.find("#drill-close").click();
      browser.js("document.getElementById('drill').removeAttribute('data-rows');");
    }
    assertThat(link).as("the ticket with stored events is behind one of the counts").isNotNull();
    browser.screenshot(SCREENSHOTS, "drill-down-en-wall", 1920);
    browser.size(1920, 1080);
    link.click();
    browser.waitFor(d -> "true".equals(browser.js("return document.body.dataset.loaded || ''")));

    assertThat(browser.findAll(".target")).isNotEmpty();
    assertThat(browser.find(".target .reason").getText()).isNotBlank();
    assertThat(browser.findAll(".minutes span")).isNotEmpty();
    assertThat(browser.consoleErrors()).isEmpty();
    browser.screenshot(SCREENSHOTS, "timeline-en-wall", 1920);

    browser.size(360, 780);
    browser.open("/tickets/" + TICKET_WITH_EVENTS + "?lang=fa");
    browser.waitFor(d -> "true".equals(browser.js("return document.body.dataset.loaded || ''")));
    assertThat(browser.js("return document.documentElement.dir")).isEqualTo("rtl");
    assertThat(browser.consoleErrors()).isEmpty();
    browser.screenshot(SCREENSHOTS, "timeline-fa-phone", 360);
  }

  @Test
  void aChurnBandsCustomersOpenTheirLatestTicketsAndATicketItsTimeline() {
    browser.size(1920, 1080);
    browser.open("/d/churn?lang=en");
    browser.waitForDashboard();

    WebElement count =
        browser.find("[data-chart=customers_by_band] tbody tr td:nth-child(2) button.drill");
    long customers = Long.parseLong(count.getText());
    count.click();
    browser.waitFor(d -> browser.find("#drill").getAttribute("data-rows") != null);
    List<WebElement> tickets = browser.findAll("#drill a.ticket");

    assertThat(browser.find("#drill").getAttribute("data-rows"))
        .as("one row per customer")
        .isEqualTo(String.valueOf(customers));
    // each row links the customer's latest ticket (a customer without tickets has none)
    assertThat(tickets).isNotEmpty().hasSizeLessThanOrEqualTo((int) customers);
    browser.screenshot(SCREENSHOTS, "churn-drill-down-en-wall", 1920);
    String ticket = tickets.get(0).getText();
    tickets.get(0).click();
    browser.waitFor(d -> "true".equals(browser.js("return document.body.dataset.loaded || ''")));
    assertThat(browser.js("return location.pathname")).isEqualTo("/tickets/" + ticket);
    // the seeded ticket events (created, a customer message, a note), in order
    assertThat(browser.findAll("#events li")).hasSize(3);
    assertThat(browser.find("#problem").getText()).isEmpty();
    assertThat(browser.consoleErrors()).isEmpty();
    browser.screenshot(SCREENSHOTS, "churn-timeline-en-wall", 1920);
  }

  @Test
  void aLineExportsAsAPngImage() {
    browser.size(1920, 1080);
    browser.open("/d/experience?lang=en");
    browser.waitForDashboard();

    Object png =
        browser.js(
            "return echarts.getInstanceByDom(document.querySelector('[data-chart=csat_over_time] .body'))"
                + ".getDataURL({type: 'png'});");

    assertThat((String) png).startsWith("data:image/png;base64,");
  }

  /** What is wrong with one tile as drawn, if anything. */
  private List<String> drawnWithData(String page, Chart chart, String lang) {
    String tile = "[data-chart=" + chart.id() + "]";
    List<String> problems = new ArrayList<>();
    if (chart.kind() == ChartKind.LINE) {
      @SuppressWarnings("unchecked")
      Map<String, Object> drawn =
          (Map<String, Object>)
              browser.js(
                  "const c = echarts.getInstanceByDom(document.querySelector(arguments[0] + ' .body'));"
                      + " if (!c) return {series: 0, points: 0};"
                      + " const o = c.getOption();"
                      + " const points = o.series.reduce((n, s) => n + s.data.filter(v => v !== null).length, 0);"
                      + " return {series: o.series.length, points: points, inverse: !!o.xAxis[0].inverse,"
                      + " yRight: o.yAxis[0].position === 'right'};",
                  tile);
      if ((Long) drawn.get("series") == 0 || (Long) drawn.get("points") == 0) {
        problems.add(page + ": " + chart.id() + " drew no series with data: " + drawn);
      }
      boolean rtl = lang.equals("fa");
      if (!drawn.get("inverse").equals(rtl) || !drawn.get("yRight").equals(rtl)) {
        problems.add(
            page
                + ": "
                + chart.id()
                + " axes not "
                + (rtl ? "right-to-left" : "left-to-right")
                + ": "
                + drawn);
      }
    } else if (chart.kind() == ChartKind.BIG_NUMBER) {
      String number = browser.find(tile + " .number").getText();
      if (number.isBlank() || number.equals("–")) {
        problems.add(page + ": " + chart.id() + " shows no number");
      }
    } else {
      int rows = browser.findAll(tile + " tbody tr:not(:has(td.empty))").size();
      if (rows == 0) {
        problems.add(page + ": " + chart.id() + " has no rows");
      }
    }
    return problems;
  }
}
