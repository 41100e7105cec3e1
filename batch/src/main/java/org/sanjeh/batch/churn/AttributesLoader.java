package org.sanjeh.batch.churn;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sanjeh.batch.io.ClickHouseTables;
import org.sanjeh.warehouse.Warehouse;

/**
 * {@code churn load-attributes FILE.csv --mapping FILE.json}: the good rows into {@code
 * customer_attributes} (one row per customer and attribute), in inserts of 100k rows; every bad row
 * reported with its line and reason. Loading again replaces the attributes it names.
 */
public final class AttributesLoader {

  public static final String TABLE = "customer_attributes";

  private AttributesLoader() {}

  /** A load's outcome: customers kept, attribute rows written, bad rows. */
  public record Loaded(int customers, long rows, List<String> problems) {}

  public static Loaded load(Warehouse warehouse, Path csv, Path mapping, PrintStream err) {
    AttributesFile.Table table = AttributesFile.read(csv, AttributesFile.Mapping.read(mapping));
    table.problems().forEach(p -> err.println(csv.getFileName() + " " + p));
    long version = ClickHouseTables.newVersion();
    String source = csv.getFileName().toString();
    List<String> columns =
        List.of("customer_id", "attribute", "kind", "num_value", "str_value", "source", "version");
    List<Object[]> batch = new ArrayList<>();
    long rows = 0;
    for (AttributesFile.Line line : table.rows()) {
      for (Map.Entry<String, String> value : line.values().entrySet()) {
        AttributesFile.Kind kind = table.columns().get(value.getKey());
        boolean numeric = kind == AttributesFile.Kind.NUMERIC;
        double number =
            numeric && !value.getValue().isEmpty()
                ? Double.parseDouble(value.getValue())
                : Double.NaN;
        batch.add(
            new Object[] {
              line.id(),
              value.getKey(),
              numeric ? "numeric" : "categorical",
              number,
              numeric ? "" : value.getValue()
            });
        if (batch.size() == ClickHouseTables.DEFAULT_BATCH) {
          rows += write(warehouse, columns, batch, source, version);
        }
      }
    }
    rows += write(warehouse, columns, batch, source, version);
    err.printf(
        "load-attributes: %d customers, %d attribute values into %s; %d bad rows left out%n",
        table.rows().size(), rows, TABLE, table.problems().size());
    return new Loaded(table.rows().size(), rows, table.problems());
  }

  private static long write(
      Warehouse warehouse,
      List<String> columns,
      List<Object[]> batch,
      String source,
      long version) {
    if (batch.isEmpty()) {
      return 0;
    }
    warehouse.insert(
        TABLE,
        columns,
        out -> {
          for (Object[] row : batch) {
            out.string((String) row[0]);
            out.string((String) row[1]);
            out.string((String) row[2]);
            out.float64((Double) row[3]);
            out.string((String) row[4]);
            out.string(source);
            out.uint64(version);
          }
        });
    long n = batch.size();
    batch.clear();
    return n;
  }
}
