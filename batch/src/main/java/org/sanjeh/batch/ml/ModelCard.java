package org.sanjeh.batch.ml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.sanjeh.batch.ml.BinaryMetrics.CalibrationBin;
import org.sanjeh.batch.ml.BinaryMetrics.Decile;

/**
 * A trained model on disk, versioned: {@code ROOT/KIND/VERSION/} holds the Spark {@code pipeline/},
 * {@code model-card.json} (what it is, what it was trained on, its quality on unseen rows) and
 * {@code report.html} with its PNG charts. Scoring loads the newest version, or a named one.
 */
public final class ModelCard {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter VERSION =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** What scoring needs besides the pipeline. */
  public record Loaded(
      PipelineModel model,
      String version,
      List<String> featureNames,
      double[] driverWeights,
      double highFrom,
      double mediumFrom) {

    /** high: the top tenth of scores on the test rows; medium: the next fifth; else low. */
    public String band(double probability) {
      return probability >= highFrom ? "high" : probability >= mediumFrom ? "medium" : "low";
    }
  }

  private ModelCard() {}

  /**
   * Saves the model, its card and its report; returns the version folder.
   *
   * @param context what the card should say about the data (label definition, as-of dates, ...)
   */
  public static Path save(
      Path root, String kind, ModelTrainer.Trained trained, Map<String, Object> context) {
    String version = kind + "-" + VERSION.format(Instant.now());
    Path folder = root.resolve(kind).resolve(version);
    try {
      Files.createDirectories(folder);
      trained.model().write().overwrite().save(folder.resolve("pipeline").toString());
      ObjectNode card = card(version, kind, trained, context);
      Files.writeString(folder.resolve("model-card.json"), JSON.writeValueAsString(card));
      Charts.write(folder, trained);
      Files.writeString(
          folder.resolve("report.html"), Charts.html(card, trained), StandardCharsets.UTF_8);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the model to " + folder + ": " + e.getMessage(), e);
    }
  }

  static ObjectNode card(
      String version, String kind, ModelTrainer.Trained t, Map<String, Object> context) {
    BinaryMetrics m = t.test();
    ObjectNode card = JSON.createObjectNode();
    card.put("model", kind);
    card.put("version", version);
    card.put("chosen", t.chosen());
    card.put("selected_on", "ROC AUC on the validation rows");
    card.set("context", JSON.valueToTree(context));
    ObjectNode rows = card.putObject("rows");
    rows.put("train", t.trainRows());
    rows.put("validation", t.validationRows());
    rows.put("test", t.testRows());
    ObjectNode candidates = card.putObject("validation_roc_auc");
    t.validationAuc().forEach(candidates::put);
    ObjectNode test = card.putObject("test");
    test.put("note", "rows the model never saw, measured once after selection");
    test.put("rows", m.count());
    test.put("base_rate", m.baseRate());
    test.put("roc_auc", m.rocAuc());
    test.put("pr_auc", m.prAuc());
    test.put("top_decile_lift", m.liftByDecile().get(0).lift());
    ArrayNode calibration = test.putArray("calibration");
    for (CalibrationBin b : m.calibration()) {
      ObjectNode bin = calibration.addObject();
      bin.put("from", b.from());
      bin.put("to", b.to());
      bin.put("count", b.count());
      bin.put("mean_predicted", b.meanPredicted());
      bin.put("observed", b.observed());
    }
    ArrayNode lift = test.putArray("lift_by_decile");
    for (Decile d : m.liftByDecile()) {
      ObjectNode decile = lift.addObject();
      decile.put("decile", d.decile());
      decile.put("count", d.count());
      decile.put("positive_rate", d.positiveRate());
      decile.put("lift", d.lift());
    }
    ArrayNode importance = card.putArray("feature_importance");
    for (int i : byImportance(t)) {
      ObjectNode f = importance.addObject();
      f.put("feature", t.featureNames().get(i));
      f.put("importance", t.importance()[i]);
      f.put("driver_weight", t.driverWeights()[i]);
    }
    ObjectNode leftOut = card.putObject("features_left_out");
    leftOut.put("reason", "no value in any training row (imputation needs one)");
    t.leftOut().forEach(leftOut.putArray("features")::add);
    ArrayNode vectorOrder = card.putArray("vector_order");
    t.featureNames().forEach(vectorOrder::add);
    ObjectNode bands = card.putObject("risk_bands");
    bands.put("high_from", m.scoreAtTopShare(0.1));
    bands.put("medium_from", m.scoreAtTopShare(0.3));
    bands.put("rule", "high: top 10% of test scores; medium: the next 20%; low: the rest");
    return card;
  }

  static List<Integer> byImportance(ModelTrainer.Trained t) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < t.featureNames().size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -t.importance()[i]));
    return order;
  }

  /** The newest version of {@code kind} under {@code root}, or {@code path} if it is a version. */
  public static Loaded load(Path rootOrVersion, String kind) {
    Path folder = rootOrVersion;
    if (!Files.exists(folder.resolve("model-card.json"))) {
      Path models = rootOrVersion.resolve(kind);
      try (var versions = Files.list(models)) {
        folder =
            versions
                .filter(p -> Files.exists(p.resolve("model-card.json")))
                .max(Comparator.comparing(p -> p.getFileName().toString()))
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "no trained " + kind + " model in " + models + ": train one first"));
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "no trained %s model in %s: run the train command first".formatted(kind, models), e);
      }
    }
    try {
      var card = JSON.readTree(folder.resolve("model-card.json").toFile());
      List<String> names = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      card.get("feature_importance")
          .forEach(
              f -> {
                names.add(f.get("feature").asText());
                weights.add(f.get("driver_weight").asDouble());
              });
      // the card lists features by importance; scoring needs them in vector order
      List<String> vectorOrder = new ArrayList<>();
      card.get("vector_order").forEach(n -> vectorOrder.add(n.asText()));
      double[] ordered = new double[vectorOrder.size()];
      for (int i = 0; i < ordered.length; i++) {
        ordered[i] = weights.get(names.indexOf(vectorOrder.get(i)));
      }
      return new Loaded(
          PipelineModel.load(folder.resolve("pipeline").toString()),
          card.get("version").asText(),
          vectorOrder,
          ordered,
          card.get("risk_bands").get("high_from").asDouble(),
          card.get("risk_bands").get("medium_from").asDouble());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the model in " + folder + ": " + e.getMessage(), e);
    }
  }

  static String percent(double value) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * value);
  }
}
