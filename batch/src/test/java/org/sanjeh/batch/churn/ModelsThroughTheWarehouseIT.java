package org.sanjeh.batch.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanjeh.batch.testing.Warehouses.command;
import static org.sanjeh.batch.testing.Warehouses.concat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.batch.BatchCommand;
import org.sanjeh.batch.testing.GeneratedCustomers;
import org.sanjeh.batch.testing.SparkTest;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import picocli.CommandLine;

/**
 * Churn and dissatisfaction end to end against the real ClickHouse: generated customers with a
 * planted signal, trained from the warehouse (time-based split), scored into churn_scores and
 * dissatisfaction_scores, and a re-run of a day's scores replaces them.
 */
@ExtendWith(ClickHouseExtension.class)
class ModelsThroughTheWarehouseIT extends SparkTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AS_OF = "--as-of=2026-05-01";

  @TempDir static Path models;

  private final Warehouse warehouse;

  ModelsThroughTheWarehouseIT(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @BeforeAll
  static void storeGeneratedCustomers(Warehouse warehouse) {
    new GeneratedCustomers(400, 7).store(warehouse);
  }

  private int run(String... words) {
    String[] options = {AS_OF, "--models=" + models, "--quick", "--trees=15"};
    return new CommandLine(new BatchCommand()).execute(concat(command(warehouse, words), options));
  }

  private static JsonNode card(String kind) throws IOException {
    try (Stream<Path> versions = Files.list(models.resolve(kind))) {
      Path version = versions.sorted().reduce((a, b) -> b).orElseThrow();
      return JSON.readTree(version.resolve("model-card.json").toFile());
    }
  }

  @Test
  void churnLearnsThePlantedSignalAndItsScoresReplaceTheDayOnReRun() throws IOException {
    assertThat(run("churn", "train")).isZero();
    JsonNode card = card("churn");
    assertThat(card.at("/test/roc_auc").asDouble()).isGreaterThan(0.7);
    assertThat(card.at("/context/test_features_as_of").asText()).isEqualTo("2026-04-01T00:00:00Z");

    assertThat(run("churn", "score")).isZero();
    long customers = warehouse.queryLong("SELECT count() FROM churn_scores");
    assertThat(run("churn", "score")).isZero();

    assertThat(warehouse.queryLong("SELECT count() FROM churn_scores")).isEqualTo(customers);
    assertThat(warehouse.queryLong("SELECT uniqExact(customer_id) FROM churn_scores"))
        .isEqualTo(customers);
    assertThat(
            warehouse.queryLong(
                "SELECT countIf(probability < 0 OR probability > 1) FROM churn_scores"))
        .isZero();
    assertThat(warehouse.queryLong("SELECT countIf(risk_band = 'high') FROM churn_scores"))
        .isPositive();
    assertThat(
            warehouse.queryLong(
                "SELECT countIf(risk_band = 'high' AND empty(top_drivers)) FROM churn_scores"))
        .isZero();
  }

  @Test
  void dissatisfactionBeatsTheBaseRateOnUnseenTicketsAndScoresOpenAndRecentOnes()
      throws IOException {
    assertThat(run("dissatisfaction", "train")).isZero();
    JsonNode card = card("dissatisfaction");
    assertThat(card.at("/test/roc_auc").asDouble()).isGreaterThan(0.7);
    assertThat(card.at("/test/top_decile_lift").asDouble()).isGreaterThan(1.3);

    assertThat(run("dissatisfaction", "score")).isZero();
    long tickets = warehouse.queryLong("SELECT count() FROM dissatisfaction_scores");
    assertThat(run("dissatisfaction", "score")).isZero();

    assertThat(tickets).isPositive();
    assertThat(warehouse.queryLong("SELECT count() FROM dissatisfaction_scores"))
        .isEqualTo(tickets);
    assertThat(warehouse.queryLong("SELECT uniqExact(ticket_id) FROM dissatisfaction_scores"))
        .isEqualTo(tickets);
  }
}
