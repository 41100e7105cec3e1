package org.sanjeh.batch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.batch.BatchCommand;
import org.sanjeh.sentiment.english.CoreNlpEnglishModel;
import picocli.CommandLine;

/**
 * A job run under the module's own logging configuration (src/main/resources/log4j2.properties,
 * what {@code ./sanjeh batch} runs with; the tests otherwise use log4j2-test.properties) prints its
 * progress lines and no INFO line from Spark. It starts a Spark session of its own: Spark's
 * start-up lines are the point. (That {@code --verbose} brings them back was checked by hand on the
 * module's class path, docs in the README; in this test JVM they did not show up either way.)
 */
class QuietLogsTest {

  @TempDir Path dir;

  private static void logWith(String configuration) {
    try {
      Configurator.reconfigure(QuietLogsTest.class.getResource("/" + configuration).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stopSparkAndGoBackToTheTestLogging() {
    SparkSession.getDefaultSession()
        .foreach(
            session -> {
              session.stop();
              return null;
            });
    SparkSession.clearDefaultSession();
    SparkSession.clearActiveSession();
    System.clearProperty(CoreNlpEnglishModel.VERBOSE_PROPERTY);
    logWith("log4j2-test.properties");
  }

  private Path customers() throws IOException {
    SplittableRandom random = new SplittableRandom(5);
    StringBuilder csv = new StringBuilder("customerID,tenure,plan,Churn\n");
    for (int i = 0; i < 400; i++) {
      double tenure = random.nextDouble() * 60;
      boolean churned = random.nextDouble() < 1 / (1 + Math.exp(tenure / 12 - 2));
      csv.append(
          String.format(
              Locale.ROOT,
              "c%d,%.1f,%s,%s%n",
              i,
              tenure,
              random.nextBoolean() ? "monthly" : "yearly",
              churned ? "yes" : "no"));
    }
    return Files.writeString(dir.resolve("customers.csv"), csv);
  }

  /** Everything the run wrote on stdout and stderr. */
  private String trainOnATable(String... extra) throws IOException {
    logWith("log4j2.properties");
    List<String> args =
        new ArrayList<>(
            List.of(
                "churn",
                "train",
                "--attributes=" + customers(),
                "--label=Churn",
                "--quick",
                "--trees=3",
                "--models=" + dir.resolve("models"),
                "--master=local[2]",
                "--shuffle-partitions=2"));
    args.addAll(List.of(extra));
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream err = System.err;
    PrintStream out = System.out;
    PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setErr(both);
    System.setOut(both);
    try {
      assertThat(new CommandLine(new BatchCommand()).execute(args.toArray(String[]::new))).isZero();
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aJobRunPrintsItsProgressLinesAndNoInfoLineFromSpark() throws IOException {
    String output = trainOnATable();

    assertThat(output).contains("churn train: split:", "validation ROC AUC");
    assertThat(output.lines().filter(line -> line.contains(" INFO "))).isEmpty();
  }

  @Test
  void theModulesConfigurationSilencesTheLibrariesInfoLinesAndVerboseBringsThemBack() {
    logWith("log4j2.properties");
    assertThat(LogManager.getLogger("org.apache.spark.SparkContext").isInfoEnabled()).isFalse();
    assertThat(LogManager.getLogger("org.apache.hadoop.conf.Configuration").isInfoEnabled())
        .isFalse();
    assertThat(LogManager.getLogger("edu.stanford.nlp.pipeline.StanfordCoreNLP").isInfoEnabled())
        .isFalse();
    assertThat(LogManager.getLogger("org.sanjeh.batch.BatchJobs").isInfoEnabled()).isTrue();

    Logs.verbose();

    assertThat(LogManager.getLogger("org.apache.spark.SparkContext").isInfoEnabled()).isTrue();
    assertThat(LogManager.getLogger("edu.stanford.nlp.pipeline.StanfordCoreNLP").isInfoEnabled())
        .isTrue();
  }
}
