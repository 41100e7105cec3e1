package org.sanjeh.batch.churn;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sanjeh.batch.Stages;
import org.sanjeh.batch.ml.FeatureSpec;
import org.sanjeh.batch.ml.ModelCard;
import org.sanjeh.batch.ml.ModelTrainer;

/**
 * {@code churn train --attributes FILE.csv --label COLUMN}: the same training on a plain customer
 * table with no ticket history, so a data team can hold Sanjeh against its own baseline. A table
 * has no time, so rows are split by a seeded hash of the id: 60% train, 20% validation, 20% test.
 */
public final class TableTraining {

  public static final String KIND = "churn-table";

  private TableTraining() {}

  /** yes/no, true/false, 1/0 (any case) as 1.0/0.0; anything else is refused with its line. */
  static double label(String value, String column, int line) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "true", "1", "y", "t" -> 1.0;
      case "no", "false", "0", "n", "f" -> 0.0;
      default ->
          throw new IllegalArgumentException(
              "line %d: %s=\"%s\" is not a binary label; use yes/no, true/false or 1/0"
                  .formatted(line, column, value));
    };
  }

  /** The table as rows of id, label and features, and which columns are features. */
  public static ChurnJob.Snapshot read(
      SparkSession spark,
      Path csv,
      Path mapping,
      String idColumn,
      String labelColumn,
      PrintStream err) {
    AttributesFile.Table table =
        mapping == null
            ? AttributesFile.inferred(csv, idColumn, labelColumn)
            : AttributesFile.read(csv, AttributesFile.Mapping.read(mapping));
    table.problems().forEach(p -> err.println(csv.getFileName() + " " + p));
    if (!table.columns().containsKey(labelColumn)) {
      throw new IllegalArgumentException(
          "%s has no label column \"%s\" (its columns: %s)"
              .formatted(csv, labelColumn, table.columns().keySet()));
    }
    List<String> numeric = new ArrayList<>();
    List<String> categorical = new ArrayList<>();
    StructType schema =
        new StructType()
            .add("customer_id", DataTypes.StringType, false)
            .add(ModelTrainer.LABEL, DataTypes.DoubleType, false);
    Map<String, String> names = new LinkedHashMap<>();
    for (Map.Entry<String, AttributesFile.Kind> column : table.columns().entrySet()) {
      if (column.getKey().equals(labelColumn)) {
        continue;
      }
      String name = "attr_" + column.getKey().replaceAll("[^A-Za-z0-9_]", "_");
      names.put(column.getKey(), name);
      boolean isNumeric = column.getValue() == AttributesFile.Kind.NUMERIC;
      (isNumeric ? numeric : categorical).add(name);
      schema = schema.add(name, isNumeric ? DataTypes.DoubleType : DataTypes.StringType, true);
    }
    List<Row> rows = new ArrayList<>();
    for (AttributesFile.Line line : table.rows()) {
      Object[] values = new Object[2 + names.size()];
      values[0] = line.id();
      values[1] = label(line.values().get(labelColumn), labelColumn, line.number());
      int i = 2;
      for (String column : names.keySet()) {
        String value = line.values().get(column);
        boolean isNumeric = table.columns().get(column) == AttributesFile.Kind.NUMERIC;
        values[i++] =
            value.isEmpty() ? null : isNumeric ? (Object) Double.parseDouble(value) : value;
      }
      rows.add(RowFactory.create(values));
    }
    return new ChurnJob.Snapshot(
        spark.createDataFrame(rows, schema), new FeatureSpec(numeric, categorical));
  }

  public static ModelTrainer.Trained train(
      SparkSession spark,
      Path csv,
      Path mapping,
      String idColumn,
      String labelColumn,
      ModelTrainer.Settings grid,
      Path models,
      PrintStream out,
      Stages stages) {
    ChurnJob.Snapshot table = read(spark, csv, mapping, idColumn, labelColumn, System.err);
    stages.done("read " + csv.getFileName(), table.spec().size() + " feature columns");
    var bucket = abs(hash(col("customer_id"), lit(ModelTrainer.SEED))).mod(10);
    Dataset<Row> split =
        table
            .rows()
            .withColumn(
                ModelTrainer.SPLIT,
                when(bucket.lt(6), "train").when(bucket.lt(8), "validation").otherwise("test"));
    ModelTrainer.Trained trained = ModelTrainer.train(split, table.spec(), grid, stages);
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("table", csv.getFileName().toString());
    context.put("label", labelColumn);
    context.put("split", "60/20/20 by a seeded hash of " + idColumn + " (a table has no time)");
    Path saved = ModelCard.save(models, KIND, trained, context);
    ChurnJob.printSummary(out, trained, saved);
    return trained;
  }
}
