package org.sanjeh.batch.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanjeh.batch.testing.Warehouses.command;
import static org.sanjeh.batch.testing.Warehouses.concat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.batch.BatchCommand;
import org.sanjeh.batch.testing.GeneratedCustomers;
import org.sanjeh.batch.testing.SparkTest;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import picocli.CommandLine;

/**
 * Sentiment as a churn and dissatisfaction feature, end to end: customers whose only mark is what
 * they write (Persian complaints; everyone is served alike), scored by {@code batch sentiment},
 * then the models trained from the warehouse. With the scores the models find the unhappy customers
 * through the sentiment features; with the scores gone, churn does clearly worse (recency still
 * tells some). The churn test removes the survey answers (they would give the unhappy customers
 * away too, and they are dissatisfaction's labels), so it runs last.
 */
@ExtendWith(ClickHouseExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SentimentAsFeatureIT extends SparkTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path models;

  private final Warehouse warehouse;

  SentimentAsFeatureIT(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @BeforeAll
  static void storeCustomersWhoseOnlySignalIsWhatTheyWrite(Warehouse warehouse) {
    new GeneratedCustomers(400, 11, GeneratedCustomers.Signal.SENTIMENT).store(warehouse);
  }

  private int run(String... words) {
    return new CommandLine(new BatchCommand()).execute(command(warehouse, words));
  }

  private int train(String kind) {
    String[] options = {"--as-of=2026-05-01", "--models=" + models, "--quick", "--trees=15"};
    return new CommandLine(new BatchCommand())
        .execute(concat(command(warehouse, kind, "train"), options));
  }

  private static JsonNode newestCard(String kind) throws IOException {
    try (Stream<Path> versions = Files.list(models.resolve(kind))) {
      Path version = versions.sorted().reduce((a, b) -> b).orElseThrow();
      return JSON.readTree(version.resolve("model-card.json").toFile());
    }
  }

  private static double importance(JsonNode card, String feature) {
    return StreamSupport.stream(card.get("feature_importance").spliterator(), false)
        .filter(f -> f.get("feature").asText().equals(feature))
        .mapToDouble(f -> f.get("importance").asDouble())
        .findFirst()
        .orElseThrow(() -> new AssertionError(feature + " is not in the model card"));
  }

  private void scoreSentiment() {
    assertThat(run("sentiment", "--from=2025-12-31", "--to=2026-05-01")).isZero();
    assertThat(warehouse.queryLong("SELECT count() FROM sentiment_messages WHERE model != ''"))
        .isPositive();
  }

  @Test
  @Order(2)
  void churnFindsUnhappyCustomersThroughSentimentAndDoesWorseWithoutIt() throws IOException {
    scoreSentiment();
    // the unhappy customers' low survey answers would give them away too: sentiment alone here
    warehouse.execute("TRUNCATE TABLE survey_responses");
    warehouse.execute("TRUNCATE TABLE survey_invitations");
    assertThat(train("churn")).isZero();
    JsonNode with = newestCard("churn");
    double aucWith = with.at("/test/roc_auc").asDouble();
    assertThat(importance(with, SentimentFeatures.LEVEL)).isPositive();

    warehouse.execute("TRUNCATE TABLE sentiment_messages");
    assertThat(train("churn")).isZero();
    JsonNode without = newestCard("churn");
    double aucWithout = without.at("/test/roc_auc").asDouble();

    // without sentiment, recency still tells (a customer who stopped writing is likelier gone);
    // measured 2026-12-01: 0.915 with, 0.847 without
    assertThat(aucWith).isGreaterThan(0.7);
    assertThat(aucWith - aucWithout).isGreaterThan(0.03);
    assertThat(without.at("/features_left_out/features").toString())
        .contains(SentimentFeatures.LEVEL, SentimentFeatures.TREND);
  }

  @Test
  @Order(1)
  void dissatisfactionLearnsFromTheTicketsSentiment() throws IOException {
    scoreSentiment();
    assertThat(train("dissatisfaction")).isZero();
    JsonNode card = newestCard("dissatisfaction");

    assertThat(card.at("/test/roc_auc").asDouble()).isGreaterThan(0.7);
    assertThat(importance(card, SentimentFeatures.LEVEL)).isPositive();
  }
}
