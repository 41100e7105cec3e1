package org.sanjeh.batch.churn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.batch.BatchCommand;
import org.sanjeh.batch.testing.SparkTest;
import picocli.CommandLine;

/**
 * {@code churn train --attributes FILE.csv --label COLUMN} on generated customers: with a planted
 * signal the model finds it on rows it never saw; with the signal removed it is at chance.
 */
class ChurnTableTrainingTest extends SparkTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /**
   * 3,000 customers: {@code tenure} and {@code plan} drive churn when {@code planted}, three noise
   * columns never do; the label is written yes/no.
   */
  private Path customers(boolean planted) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    StringBuilder csv = new StringBuilder("customerID,tenure,plan,noise1,noise2,noise3,Churn\n");
    for (int i = 0; i < 3000; i++) {
      double tenure = random.nextDouble() * 60;
      String plan = new String[] {"monthly", "yearly", "two-year"}[random.nextInt(3)];
      double logit = planted ? 1.5 - tenure / 12 + (plan.equals("monthly") ? 1.2 : -0.6) : -0.8;
      boolean churned = random.nextDouble() < 1 / (1 + Math.exp(-logit));
      csv.append(
          String.format(
              Locale.ROOT,
              "c%d,%s,%s,%.3f,%.3f,%s,%s%n",
              i,
              i % 50 == 0 ? "" : String.format(Locale.ROOT, "%.1f", tenure),
              plan,
              random.nextGaussian(),
              random.nextGaussian(),
              random.nextBoolean() ? "x" : "y",
              churned ? "Yes" : "No"));
    }
    return Files.writeString(dir.resolve(planted ? "planted.csv" : "noise.csv"), csv);
  }

  private JsonNode train(Path csv) throws IOException {
    Path models = dir.resolve("models-" + csv.getFileName());
    int exit =
        new CommandLine(new BatchCommand())
            .execute(
                "churn",
                "train",
                "--attributes=" + csv,
                "--label=Churn",
                "--quick",
                "--trees=15",
                "--models=" + models,
                "--master=local[2]");
    assertThat(exit).isZero();
    try (Stream<Path> versions = Files.list(models.resolve("churn-table"))) {
      Path version = versions.findFirst().orElseThrow();
      assertThat(version.resolve("report.html")).exists();
      assertThat(version.resolve("roc.png")).isNotEmptyFile();
      assertThat(version.resolve("pipeline")).isDirectory();
      return JSON.readTree(version.resolve("model-card.json").toFile());
    }
  }

  @Test
  void aPlantedSignalIsFoundOnUnseenCustomersAndNoiseIsNot() throws IOException {
    JsonNode planted = train(customers(true));
    JsonNode noise = train(customers(false));

    assertThat(planted.at("/test/roc_auc").asDouble()).isGreaterThan(0.75);
    assertThat(planted.at("/test/top_decile_lift").asDouble()).isGreaterThan(1.5);
    assertThat(planted.get("feature_importance").get(0).get("feature").asText())
        .isIn("attr_tenure", "attr_plan=monthly");
    assertThat(noise.at("/test/roc_auc").asDouble()).isBetween(0.42, 0.58);
    planted.get("validation_roc_auc").forEach(auc -> assertThat(auc.asDouble()).isGreaterThan(0.7));
  }
}
