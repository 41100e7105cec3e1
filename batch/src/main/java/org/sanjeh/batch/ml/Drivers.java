package org.sanjeh.batch.ml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * A row's top drivers: the features whose (scaled) value, times the model's driver weight, raises
 * its risk most; at most three, only those that raise it.
 */
public final class Drivers {

  private static final int TOP = 3;

  private Drivers() {}

  public static List<String> top(Vector scaled, List<String> names, double[] weights) {
    List<Integer> raising = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] * scaled.apply(i) > 0) {
        raising.add(i);
      }
    }
    raising.sort(Comparator.comparingDouble((Integer i) -> -weights[i] * scaled.apply(i)));
    return raising.stream().limit(TOP).map(names::get).toList();
  }

  /** The same as a Spark column over {@link ModelTrainer#FEATURES}. */
  public static Column column(List<String> names, double[] weights) {
    List<String> copy = List.copyOf(names);
    double[] w = weights.clone();
    UserDefinedFunction udf =
        functions.udf(
            (UDF1<Vector, List<String>>) v -> top(v, copy, w),
            DataTypes.createArrayType(DataTypes.StringType));
    return udf.apply(functions.col(ModelTrainer.FEATURES));
  }
}
