package org.sanjeh.dashboards.viewer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its own chromedriver, driven by Selenium with Selenium Manager
 * off ({@code SE_OFFLINE}): nothing is downloaded. Logged in to the viewer once.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  final ChromeDriver driver;
  private final String base;

  Browser(String base) {
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--lang=en-GB");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    this.driver = new ChromeDriver(service, options);
    this.base = base;
  }

  void size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  void logIn(String key) {
    open("/login");
    driver.findElement(By.name("key")).sendKeys(key);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    waitFor(d -> !d.getCurrentUrl().contains("/login"));
  }

  void open(String pathAndQuery) {
    driver.get(base + pathAndQuery);
  }

  Object js(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
  }

  /** Until every tile of the dashboard has drawn its first answer. */
  void waitForDashboard() {
    waitFor(
        d ->
            Boolean.TRUE.equals(
                js(
                    "const v = window.sanjehViewer; return !!v && !!v.view"
                        + " && v.loaded.size === v.view.charts.length;")));
  }

  /** Severe console entries since the last call (errors, CSP violations, failed loads). */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** The whole page (the window grown to its height), saved as PNG. */
  Path screenshot(Path folder, String name, int width) {
    long height = (Long) js("return Math.ceil(document.documentElement.scrollHeight);");
    size(width, (int) Math.min(height, 8000));
    try {
      Files.createDirectories(folder);
      Path file = folder.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** First contentful paint and DOM-complete of the page now open, in milliseconds. */
  @SuppressWarnings("unchecked")
  Map<String, Object> paintTimings() {
    // a small page can be painted after its load event: wait for the entry
    waitFor(
        d ->
            Boolean.TRUE.equals(
                js("return performance.getEntriesByName('first-contentful-paint').length > 0;")));
    return (Map<String, Object>)
        js(
            "const p = performance.getEntriesByName('first-contentful-paint')[0];"
                + " const n = performance.getEntriesByType('navigation')[0];"
                + " return {fcp: p ? p.startTime : -1, domComplete: n ? n.domComplete : -1,"
                + " responseEnd: n ? n.responseEnd : -1};");
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
