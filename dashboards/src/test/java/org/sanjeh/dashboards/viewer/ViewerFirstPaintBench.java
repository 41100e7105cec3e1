package org.sanjeh.dashboards.viewer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The viewer's first paint as the browser measures it (Paint Timing's first-contentful-paint,
 * Navigation Timing), and the moment every tile has drawn its first answer, for each dashboard in
 * both languages at 1920 px, against the login page (HTML and CSS only) as the baseline in the same
 * run. A benchmark, not a test: it asserts nothing and runs only when asked:
 *
 * <pre>
 * ./mvnw -B -ntp -pl dashboards -am verify -Dquick -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=ViewerFirstPaintBench
 * </pre>
 */
class ViewerFirstPaintBench extends LiveViewer {

  static final int LOADS = 20;

  @Test
  void printFirstPaintOfEveryDashboard() {
    printFirstPaint("http://127.0.0.1:" + port, KEY, "seeded warehouse");
  }

  /**
   * The same against a viewer already running, e.g. over the speed benchmark's 10M events
   * (docs/benchmarks.md): {@code java -cp ... ViewerFirstPaintBench URL KEY_FILE}.
   */
  public static void main(String[] args) throws java.io.IOException {
    if (args.length != 2) {
      System.err.println("usage: ViewerFirstPaintBench URL KEY_FILE");
      System.exit(2);
    }
    String key = java.nio.file.Files.readString(java.nio.file.Path.of(args[1])).strip();
    printFirstPaint(args[0], key, args[0]);
  }

  static void printFirstPaint(String base, String key, String warehouse) {
    try (Browser browser = new Browser(base)) {
      browser.size(1920, 1080);
      browser.open("/login");
      Map<String, Object> cold = browser.paintTimings();
      browser.logIn(key);
      System.out.printf(
          Locale.ROOT,
          "%nviewer first paint, %d loads each, 1920x1080, headless Chromium, %s%n",
          LOADS,
          warehouse);
      System.out.printf(
          Locale.ROOT, "cold login page (new profile): FCP %.0f ms%n", number(cold, "fcp"));
      System.out.printf(
          Locale.ROOT,
          "%-30s %9s %9s %9s %12s %12s%n",
          "page",
          "FCP p50",
          "FCP p95",
          "FCP max",
          "all-tiles p50",
          "all-tiles p95");
      measure(browser, "/login", false);
      for (String dashboard : List.of("live_service", "experience", "quality", "churn")) {
        for (String lang : List.of("en", "fa")) {
          measure(browser, "/d/" + dashboard + "?lang=" + lang, true);
        }
      }
    }
  }

  private static void measure(Browser browser, String page, boolean dashboard) {
    List<Double> paints = new ArrayList<>();
    List<Double> drawn = new ArrayList<>();
    for (int i = 0; i < LOADS; i++) {
      browser.open(page);
      if (dashboard) {
        browser.waitForDashboard();
        drawn.add(((Number) browser.js("return window.sanjehViewer.allDrawnAt;")).doubleValue());
      }
      paints.add(number(browser.paintTimings(), "fcp"));
    }
    System.out.printf(
        Locale.ROOT,
        "%-30s %6.0f ms %6.0f ms %6.0f ms %9s %12s%n",
        page + (dashboard ? "" : " (baseline)"),
        quantile(paints, 0.5),
        quantile(paints, 0.95),
        Collections.max(paints),
        dashboard ? "%.0f ms".formatted(quantile(drawn, 0.5)) : "-",
        dashboard ? "%.0f ms".formatted(quantile(drawn, 0.95)) : "-");
  }

  private static double number(Map<String, Object> timings, String name) {
    return ((Number) timings.get(name)).doubleValue();
  }

  /** Nearest-rank quantile. */
  private static double quantile(List<Double> values, double q) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
