package org.sanjeh.batch.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.classification.GBTClassificationModel;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.Imputer;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.functions;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.sanjeh.batch.Stages;

/**
 * Trains a binary classifier the same way for every Sanjeh model: an MLlib Pipeline (median
 * imputation, one-hot encoding, standard scaling), logistic regression and gradient-boosted trees
 * on a small grid, the candidate with the best ROC AUC on the validation rows kept, and its quality
 * measured on test rows it never saw. Seeds are fixed: the same data gives the same model.
 *
 * <p>Input columns: {@value #LABEL} (0.0 or 1.0), {@value #SPLIT} ({@code train}, {@code
 * validation} or {@code test}; the caller decides, by time where there is time) and the features.
 */
public final class ModelTrainer {

  public static final String LABEL = "label";
  public static final String SPLIT = "split";
  public static final String RAW_FEATURES = "raw_features";
  public static final String FEATURES = "features";
  public static final String PROBABILITY = "p";
  public static final long SEED = 20261201L;

  /** One point of the grid. */
  public record Candidate(String name, PipelineStage classifier) {}

  /** The chosen model and everything the model card reports. */
  public record Trained(
      PipelineModel model,
      String chosen,
      Map<String, Double> validationAuc,
      BinaryMetrics test,
      List<String> featureNames,
      double[] importance,
      double[] driverWeights,
      long trainRows,
      long validationRows,
      long testRows,
      List<String> leftOut) {}

  /** How big the grid is: {@code quick} is one LR and one GBT (benchmarks at 1M rows, tests). */
  public record Settings(boolean quick, int gbtTrees) {
    public static final Settings DEFAULT = new Settings(false, 30);
  }

  private ModelTrainer() {}

  public static List<Candidate> grid(Settings settings) {
    List<Candidate> grid = new ArrayList<>();
    double[] regs = settings.quick() ? new double[] {0.01} : new double[] {0.01, 0.1};
    int[] depths = settings.quick() ? new int[] {4} : new int[] {3, 5};
    for (double reg : regs) {
      grid.add(
          new Candidate(
              "logistic regression (regParam " + reg + ")",
              new LogisticRegression()
                  .setFeaturesCol(FEATURES)
                  .setLabelCol(LABEL)
                  .setMaxIter(50)
                  .setRegParam(reg)));
    }
    for (int depth : depths) {
      grid.add(
          new Candidate(
              "gradient-boosted trees (%d trees, depth %d)".formatted(settings.gbtTrees(), depth),
              new GBTClassifier()
                  .setFeaturesCol(FEATURES)
                  .setLabelCol(LABEL)
                  .setMaxIter(settings.gbtTrees())
                  .setMaxDepth(depth)
                  .setStepSize(0.2)
                  .setSubsamplingRate(0.8)
                  .setSeed(SEED)));
    }
    return grid;
  }

  /** The feature stages, for the benchmark's baseline (the same stages training uses). */
  public static PipelineStage[] featureStagesForBench(FeatureSpec spec) {
    return featureStages(spec).toArray(PipelineStage[]::new);
  }

  /** The feature stages: imputer → indexer → one-hot → assembler → scaler. */
  static List<PipelineStage> featureStages(FeatureSpec spec) {
    List<PipelineStage> stages = new ArrayList<>();
    List<String> assembled = new ArrayList<>();
    if (!spec.numeric().isEmpty()) {
      String[] in = spec.numeric().toArray(String[]::new);
      String[] out = spec.numeric().stream().map(c -> c + "__imputed").toArray(String[]::new);
      Imputer imputer = new Imputer().setInputCols(in).setOutputCols(out).setStrategy("median");
      stages.add(imputer);
      assembled.addAll(List.of(imputer.getOutputCols()));
    }
    if (!spec.categorical().isEmpty()) {
      String[] in = spec.categorical().toArray(String[]::new);
      StringIndexer indexer =
          new StringIndexer()
              .setInputCols(in)
              .setOutputCols(
                  spec.categorical().stream().map(c -> c + "__index").toArray(String[]::new))
              .setHandleInvalid("keep");
      OneHotEncoder oneHot =
          new OneHotEncoder()
              .setInputCols(indexer.getOutputCols())
              .setOutputCols(
                  spec.categorical().stream().map(c -> c + "__onehot").toArray(String[]::new))
              .setHandleInvalid("keep");
      stages.add(indexer);
      stages.add(oneHot);
      assembled.addAll(List.of(oneHot.getOutputCols()));
    }
    VectorAssembler assembler =
        new VectorAssembler()
            .setInputCols(assembled.toArray(String[]::new))
            .setOutputCol(RAW_FEATURES)
            .setHandleInvalid("keep");
    StandardScaler scaler =
        new StandardScaler()
            .setInputCol(assembler.getOutputCol())
            .setOutputCol(FEATURES)
            .setWithMean(true)
            .setWithStd(true);
    stages.add(assembler);
    stages.add(scaler);
    return stages;
  }

  /**
   * Numeric columns as doubles, categorical ones as strings with a missing value as its own
   * category, the label (when there is one) as a double: what the pipeline expects, in training and
   * in scoring alike.
   */
  public static Dataset<Row> typed(Dataset<Row> rows, FeatureSpec spec) {
    Dataset<Row> out = rows;
    for (String c : spec.numeric()) {
      out = out.withColumn(c, col(c).cast(DataTypes.DoubleType));
    }
    for (String c : spec.categorical()) {
      Column text = col(c).cast(DataTypes.StringType);
      out =
          out.withColumn(c, when(text.isNull().or(text.equalTo("")), lit(MISSING)).otherwise(text));
    }
    return List.of(out.columns()).contains(LABEL)
        ? out.withColumn(LABEL, col(LABEL).cast(DataTypes.DoubleType))
        : out;
  }

  /** The category of a missing categorical value. */
  public static final String MISSING = "(missing)";

  public static Trained train(
      Dataset<Row> rows, FeatureSpec spec, Settings settings, Stages stages) {
    FeatureSpec asked = spec;
    spec = withoutEmptyColumns(typed(rows, spec).filter(col(SPLIT).equalTo("train")), spec, stages);
    List<String> leftOut = new ArrayList<>(asked.numeric());
    leftOut.removeAll(spec.numeric());
    Dataset<Row> data = typed(rows, spec);
    Dataset<Row> train = data.filter(col(SPLIT).equalTo("train")).cache();
    Dataset<Row> validation = data.filter(col(SPLIT).equalTo("validation")).cache();
    Dataset<Row> test = data.filter(col(SPLIT).equalTo("test")).cache();
    long trainRows = train.count();
    long validationRows = validation.count();
    long testRows = test.count();
    checkBothClasses(train, "training");
    checkBothClasses(validation, "validation");
    stages.done(
        "split",
        "%d train, %d validation, %d test rows".formatted(trainRows, validationRows, testRows));

    // fit the feature stages once: every candidate sees the same features
    PipelineModel features =
        new Pipeline().setStages(featureStages(spec).toArray(PipelineStage[]::new)).fit(train);
    Dataset<Row> trainFeatures =
        features.transform(train).select(LABEL, FEATURES, RAW_FEATURES).cache();
    Dataset<Row> validationFeatures = features.transform(validation).cache();
    BinaryClassificationEvaluator auc =
        new BinaryClassificationEvaluator()
            .setLabelCol(LABEL)
            .setRawPredictionCol("rawPrediction")
            .setMetricName("areaUnderROC");
    Map<String, Double> validationAuc = new LinkedHashMap<>();
    org.apache.spark.ml.Model<?> best = null;
    String bestName = null;
    double bestAuc = Double.NEGATIVE_INFINITY;
    for (Candidate candidate : grid(settings)) {
      org.apache.spark.ml.Model<?> fitted =
          (org.apache.spark.ml.Model<?>)
              ((org.apache.spark.ml.Estimator<?>) candidate.classifier()).fit(trainFeatures);
      double value = auc.evaluate(fitted.transform(validationFeatures));
      validationAuc.put(candidate.name(), value);
      stages.done("fitted " + candidate.name(), "validation ROC AUC %.4f".formatted(value));
      if (value > bestAuc) {
        bestAuc = value;
        best = fitted;
        bestName = candidate.name();
      }
    }
    PipelineModel model = assembled(features, best);

    Dataset<Row> scored = withProbability(model.transform(test));
    List<Row> collected = scored.select(PROBABILITY, LABEL).collectAsList();
    double[] p = new double[collected.size()];
    int[] y = new int[collected.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = collected.get(i).getDouble(0);
      y[i] = collected.get(i).getDouble(1) >= 0.5 ? 1 : 0;
    }
    BinaryMetrics metrics = new BinaryMetrics(p, y);
    stages.done(
        "tested " + bestName,
        "test ROC AUC %.4f on %d unseen rows".formatted(metrics.rocAuc(), p.length));

    List<String> names = featureNames(trainFeatures);
    double[] importance = importance(best, names.size());
    double[] weights = driverWeights(best, importance, trainFeatures, names.size());
    train.unpersist();
    validation.unpersist();
    test.unpersist();
    trainFeatures.unpersist();
    validationFeatures.unpersist();
    return new Trained(
        model,
        bestName,
        validationAuc,
        metrics,
        names,
        importance,
        weights,
        trainRows,
        validationRows,
        testRows,
        leftOut);
  }

  /** The fitted feature stages followed by the chosen classifier, as one PipelineModel. */
  private static PipelineModel assembled(
      PipelineModel features, org.apache.spark.ml.Model<?> classifier) {
    org.apache.spark.ml.Transformer[] stages =
        java.util.Arrays.copyOf(features.stages(), features.stages().length + 1);
    stages[stages.length - 1] = classifier;
    return new PipelineModel("sanjeh-" + java.util.UUID.randomUUID(), stages);
  }

  /**
   * Leaves out numeric columns with no value at all in the training rows (no survey ever answered,
   * an attribute nobody loaded, no message scored for sentiment yet): there is nothing to learn
   * from them and the imputer, fitted on those rows, has no median to impute.
   */
  static FeatureSpec withoutEmptyColumns(Dataset<Row> data, FeatureSpec spec, Stages stages) {
    List<org.apache.spark.sql.Column> counts = new ArrayList<>();
    for (String c : spec.numeric()) {
      counts.add(
          org.apache
              .spark
              .sql
              .functions
              .count(
                  org.apache.spark.sql.functions.when(
                      col(c)
                          .isNotNull()
                          .and(
                              org.apache.spark.sql.functions.not(
                                  org.apache.spark.sql.functions.isnan(col(c)))),
                      1))
              .as(c));
    }
    if (counts.isEmpty()) {
      return spec;
    }
    Row row =
        data.agg(
                counts.get(0),
                counts.subList(1, counts.size()).toArray(org.apache.spark.sql.Column[]::new))
            .first();
    List<String> kept = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    for (int i = 0; i < spec.numeric().size(); i++) {
      (row.getLong(i) > 0 ? kept : empty).add(spec.numeric().get(i));
    }
    if (!empty.isEmpty()) {
      stages.done("left out features without any value", String.join(", ", empty));
    }
    return new FeatureSpec(kept, spec.categorical());
  }

  /** Adds {@value #PROBABILITY}: the probability of the positive class. */
  public static Dataset<Row> withProbability(Dataset<Row> scored) {
    return scored.withColumn(
        PROBABILITY, functions.vector_to_array(col("probability"), "float64").getItem(1));
  }

  private static void checkBothClasses(Dataset<Row> rows, String which) {
    long positives = rows.filter(col(LABEL).equalTo(1.0)).count();
    long total = rows.count();
    if (positives == 0 || positives == total) {
      throw new IllegalArgumentException(
          "the %s rows have %s: a model needs both outcomes; widen the period or check the label"
              .formatted(which, positives == 0 ? "no positive label" : "only positive labels"));
    }
  }

  /** The name of each slot of the assembled vector: a numeric column or column=value. */
  static List<String> featureNames(Dataset<Row> assembled) {
    AttributeGroup group = AttributeGroup.fromStructField(assembled.schema().apply(RAW_FEATURES));
    List<String> names = new ArrayList<>();
    Attribute[] attributes = group.attributes().get();
    for (Attribute a : attributes) {
      String name = a.name().isDefined() ? a.name().get() : "f" + names.size();
      names.add(name.replace("__imputed", "").replace("__onehot_", "=").replace("__onehot", ""));
    }
    return names;
  }

  private static double[] importance(org.apache.spark.ml.Model<?> model, int size) {
    double[] importance = new double[size];
    if (model instanceof GBTClassificationModel gbt) {
      Vector v = gbt.featureImportances();
      for (int i = 0; i < size; i++) {
        importance[i] = v.apply(i);
      }
    } else if (model instanceof LogisticRegressionModel lr) {
      double total = 0;
      for (int i = 0; i < size; i++) {
        importance[i] = Math.abs(lr.coefficients().apply(i));
        total += importance[i];
      }
      for (int i = 0; i < size && total > 0; i++) {
        importance[i] /= total;
      }
    }
    return importance;
  }

  /**
   * How much one standard deviation of each feature raises the risk, for "top drivers": the
   * coefficient for logistic regression (exact on the log-odds scale); for trees, the feature's
   * importance signed by whether positives have higher values than negatives (an approximation:
   * trees have no per-feature direction).
   */
  private static double[] driverWeights(
      org.apache.spark.ml.Model<?> model, double[] importance, Dataset<Row> train, int size) {
    double[] weights = new double[size];
    if (model instanceof LogisticRegressionModel lr) {
      for (int i = 0; i < size; i++) {
        weights[i] = lr.coefficients().apply(i);
      }
      return weights;
    }
    double[] positive = new double[size];
    double[] negative = new double[size];
    long[] counts = new long[2];
    for (Row row :
        train.select(LABEL, FEATURES).sample(false, 0.2, SEED).limit(50_000).collectAsList()) {
      Vector v = row.getAs(1);
      boolean yes = row.getDouble(0) >= 0.5;
      counts[yes ? 1 : 0]++;
      for (int i = 0; i < size; i++) {
        (yes ? positive : negative)[i] += v.apply(i);
      }
    }
    for (int i = 0; i < size; i++) {
      double direction =
          positive[i] / Math.max(1, counts[1]) - negative[i] / Math.max(1, counts[0]);
      weights[i] = importance[i] * Math.signum(direction);
    }
    return weights;
  }
}
