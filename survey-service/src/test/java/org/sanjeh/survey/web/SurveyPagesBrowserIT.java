package org.sanjeh.survey.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.warehouse.Warehouse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The answer pages in a real browser (Debian's headless Chromium) at a phone's width, 360 px: the
 * scale on one row in English and Persian, the one-click score sent by the page itself, and
 * screenshots of both languages saved to target/screenshots for a person to look at.
 */
class SurveyPagesBrowserIT extends LiveSurveyService {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Pattern SCALE_ROWS = Pattern.compile("data-scale-rows=\"(\\d+)\"");

  @DynamicPropertySource
  static void brand(DynamicPropertyRegistry registry) {
    registry.add("sanjeh.survey.brand.name", () -> "Pardis Home Appliances");
    registry.add("sanjeh.survey.brand.logo-url", () -> "/test-logo.svg");
    registry.add("sanjeh.survey.brand.colour", () -> "#0b6e4f");
  }

  @Test
  void theWidestScalesFitOneRowAtPhoneWidthInEnglishAndPersian() throws Exception {
    assumeChromium();
    Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
    for (SurveyKind kind : List.of(SurveyKind.CES, SurveyKind.NPS, SurveyKind.CSAT)) {
      for (String lang : List.of("en", "fa")) {
        String ticket = "T-browser-" + System.nanoTime();
        subject(ticket, "fa".equals(lang) ? "مرجوعی یخچال سفارش ۴۵۱۲" : "Refund for order 4512");
        String link = invite(kind, "browser", lang, ticket);
        awaitContext(link);

        String dom = chromium("--dump-dom", link);
        Path png = screenshots.resolve("survey-" + kind.name().toLowerCase() + "-" + lang + ".png");
        chromium("--screenshot=" + png.toAbsolutePath(), link);

        assertThat(scaleRows(dom)).as("%s %s scale rows at 360 px", kind, lang).isEqualTo(1);
        assertThat(dom)
            .contains("fa".equals(lang) ? "dir=\"rtl\"" : "dir=\"ltr\"")
            .contains("Pardis Home Appliances")
            .contains("fa".equals(lang) ? "مرجوعی یخچال" : "Refund for order 4512")
            .contains("role=\"radiogroup\"");
        if ("fa".equals(lang)) {
          assertThat(dom).contains(">۱</span>");
        }
        assertThat(Files.size(png)).as("screenshot %s", png).isGreaterThan(5_000);
      }
    }
  }

  @Test
  void aOneClickLinkOpenedInABrowserIsSentByThePageAndAsksForTheComment() throws Exception {
    assumeChromium();
    Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
    for (String lang : List.of("en", "fa")) {
      String link = invite(SurveyKind.CSAT, "browser-one-click", lang, "T-" + System.nanoTime());
      String oneClick = link + "&score=" + ("fa".equals(lang) ? enc("۴") : "4");

      String dom = chromium("--dump-dom", oneClick);
      chromium(
          "--screenshot=" + screenshots.resolve("thanks-" + lang + ".png").toAbsolutePath(),
          oneClick);

      assertThat(dom)
          .as("the page sent the chosen score by itself and shows the comment step")
          .contains("fa".equals(lang) ? "پاسخ شما ثبت شد" : "Your answer is recorded")
          .contains("name=\"comment\"");
      assertThat(latestScore(link)).isEqualTo(4);
    }
  }

  @Test
  void arrowKeysMoveTheChoiceWithoutSendingItAndEnterOnSendRecordsIt() throws Exception {
    assumeChromium();
    String link = invite(SurveyKind.CSAT, "browser-keys", "en");
    try (Chromium browser = Chromium.start(CHROMIUM, 360, 800)) {
      browser.open(link);
      assertThat(
              browser
                  .evaluate(
                      "new Set([...document.querySelectorAll('.scale .choice')]"
                          + ".map(c => Math.round(c.getBoundingClientRect().top))).size")
                  .asInt())
          .as("rows of the scale, by the choices' offsets")
          .isEqualTo(1);

      // count the page's sends, so that one the arrows caused shows before its navigation would
      browser.evaluate(
          "(() => { const f = document.getElementById('answer'); const send = f.submit.bind(f);"
              + " window.sends = 0; f.submit = () => { window.sends++; send(); }; })()");
      browser.evaluate("document.querySelector('input[name=score][value=\"1\"]').focus()");
      browser.press("ArrowRight", 39);
      browser.press("ArrowRight", 39);

      assertThat(
              browser
                  .evaluate("document.querySelector('input[name=score]:checked').value")
                  .asText())
          .isEqualTo("3");
      assertThat(browser.evaluate("window.sends").asInt()).as("sends caused by arrows").isZero();

      browser.evaluate("document.querySelector('button[type=submit]').focus()");
      browser.pressEnter();
      browser.awaitTrue("document.getElementById('comment') !== null");
    }
    assertThat(latestScore(link)).isEqualTo(3);
  }

  @Test
  void oneTapOnAScoreSendsIt() throws Exception {
    assumeChromium();
    String link = invite(SurveyKind.NPS, "browser-tap", "fa");
    try (Chromium browser = Chromium.start(CHROMIUM, 360, 800)) {
      browser.open(link);
      browser.tap(".choice:nth-child(10) span");
      browser.awaitTrue("document.getElementById('comment') !== null");
    }
    assertThat(latestScore(link)).as("the tenth choice of 0-10 is 9").isEqualTo(9);
  }

  private void subject(String ticket, String subject) {
    Warehouse.connect(warehouse)
        .execute(
            "INSERT INTO ticket_messages (event_id, ticket_id, occurred_at, subject, body, version)"
                + " VALUES ('e-"
                + ticket
                + "', '"
                + ticket
                + "', now(), '"
                + subject
                + "', '', 1)");
  }

  /** The invitation reaches ClickHouse within a second; the page's context line needs it. */
  private void awaitContext(String link) throws Exception {
    for (int tries = 0; tries < 20; tries++) {
      if (get(link).body().contains("class=\"context\"")) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no context line on " + link);
  }

  private static int scaleRows(String dom) {
    Matcher rows = SCALE_ROWS.matcher(dom);
    assertThat(rows.find()).as("survey.js measured the scale: " + dom).isTrue();
    return Integer.parseInt(rows.group(1));
  }

  private static void assumeChromium() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) || System.getenv("CI") != null,
        "no /usr/bin/chromium: run ./sanjeh setup to install it");
  }

  private static String chromium(String action, String url) throws Exception {
    Path profile = Files.createTempDirectory("chromium-profile-");
    Process process =
        new ProcessBuilder(
                Chromium.command(
                    CHROMIUM, profile, 360, 800, "--virtual-time-budget=5000", action, url))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    Chromium.deleteProfile(profile);
    return out;
  }
}
