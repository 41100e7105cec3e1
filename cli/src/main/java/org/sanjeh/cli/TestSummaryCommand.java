package org.sanjeh.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanjeh.core.cli.Commands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./sanjeh test-summary --since EPOCH-SECONDS}: the totals of the surefire and failsafe
 * reports written by this run of {@code ./sanjeh test}; reports older than the run's start (of a
 * module no longer built, or of a test since renamed) are not counted.
 */
@Command(
    name = "test-summary",
    hidden = true,
    description = "Totals of the test reports written since a time (used by ./sanjeh test).",
    mixinStandardHelpOptions = true)
final class TestSummaryCommand implements Callable<Integer> {

  private static final Pattern SUITE = Pattern.compile("<testsuite\\b([^>]*)>");

  private final Local local;

  @Option(
      names = "--since",
      paramLabel = "EPOCH-SECONDS",
      defaultValue = "0",
      description = "Count only reports written since then.")
  long since;

  TestSummaryCommand(Local local) {
    this.local = local;
  }

  @Override
  public Integer call() throws IOException {
    Totals totals = totals(local.checkout.root(), since * 1000);
    System.out.printf(
        "tests: %d passed, %d failed, %d skipped%n",
        totals.tests - totals.failed - totals.skipped, totals.failed, totals.skipped);
    return Commands.OK;
  }

  record Totals(long tests, long failed, long skipped) {}

  static Totals totals(Path root, long sinceMillis) throws IOException {
    long tests = 0;
    long failed = 0;
    long skipped = 0;
    for (Path report : reports(root)) {
      if (Files.getLastModifiedTime(report).toMillis() < sinceMillis) {
        continue;
      }
      Matcher suite = SUITE.matcher(Files.readString(report));
      if (suite.find()) {
        String attributes = suite.group(1);
        tests += attribute(attributes, "tests");
        skipped += attribute(attributes, "skipped");
        failed += attribute(attributes, "failures") + attribute(attributes, "errors");
      }
    }
    return new Totals(tests, failed, skipped);
  }

  private static List<Path> reports(Path root) throws IOException {
    List<Path> reports = new ArrayList<>();
    try (DirectoryStream<Path> modules = Files.newDirectoryStream(root)) {
      for (Path module : modules) {
        for (String kind : List.of("surefire-reports", "failsafe-reports")) {
          Path dir = module.resolve("target").resolve(kind);
          if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "TEST-*.xml")) {
              files.forEach(reports::add);
            }
          }
        }
      }
    }
    return reports;
  }

  private static long attribute(String attributes, String name) {
    Matcher m = Pattern.compile("\\b" + name + "=\"(\\d+)\"").matcher(attributes);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }
}
