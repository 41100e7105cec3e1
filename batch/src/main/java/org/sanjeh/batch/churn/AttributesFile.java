package org.sanjeh.batch.churn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A customer table a data team brings (CSV with a header row), read in plain Java: every numeric or
 * categorical column can become a feature. Bad rows are reported with their line and the reason and
 * left out; good rows are kept.
 *
 * <p>The mapping (JSON) says which column is the customer id and the kind of each column to keep:
 * {@code {"id": "customerID", "columns": {"tenure": "numeric", "Contract": "categorical"}}}.
 * Without a mapping the kinds are inferred: numeric when every non-blank value is a number. A blank
 * value is missing (the model imputes it), not an error.
 */
public final class AttributesFile {

  public enum Kind {
    NUMERIC,
    CATEGORICAL
  }

  /** A kept row: its line in the file, the customer and the values of the mapped columns. */
  public record Line(int number, String id, Map<String, String> values) {}

  /** What was read: the columns kept with their kinds, the good rows and every bad one. */
  public record Table(
      String idColumn, Map<String, Kind> columns, List<Line> rows, List<String> problems) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private AttributesFile() {}

  /** The mapping file: the id column and the kinds of the columns to keep. */
  public record Mapping(String id, Map<String, Kind> columns) {
    public static Mapping read(Path file) {
      JsonNode root;
      try {
        root = JSON.readTree(file.toFile());
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read the mapping " + file + ": " + e.getMessage(), e);
      }
      if (!root.path("id").isTextual() || !root.path("columns").isObject()) {
        throw new IllegalArgumentException(
            "mapping %s: needs \"id\" (the customer id column) and \"columns\" ({\"name\": \"numeric\" or \"categorical\"})"
                .formatted(file));
      }
      Map<String, Kind> columns = new LinkedHashMap<>();
      root.get("columns")
          .fields()
          .forEachRemaining(
              e -> {
                String kind = e.getValue().asText().toLowerCase(Locale.ROOT);
                if (!kind.equals("numeric") && !kind.equals("categorical")) {
                  throw new IllegalArgumentException(
                      "mapping %s: columns.%s=\"%s\": expected numeric or categorical"
                          .formatted(file, e.getKey(), e.getValue().asText()));
                }
                columns.put(e.getKey(), Kind.valueOf(kind.toUpperCase(Locale.ROOT)));
              });
      return new Mapping(root.get("id").asText(), columns);
    }
  }

  /** Reads with a mapping. */
  public static Table read(Path csv, Mapping mapping) {
    List<List<String>> records = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    List<String> header = parse(csv, records, lineNumbers);
    List<String> problems = new ArrayList<>();
    int idIndex = header.indexOf(mapping.id());
    if (idIndex < 0) {
      throw new IllegalArgumentException(
          "%s has no id column \"%s\" (its columns: %s)".formatted(csv, mapping.id(), header));
    }
    Map<String, Integer> indexes = new LinkedHashMap<>();
    for (String column : mapping.columns().keySet()) {
      int index = header.indexOf(column);
      if (index < 0) {
        throw new IllegalArgumentException(
            "%s has no column \"%s\" named in the mapping (its columns: %s)"
                .formatted(csv, column, header));
      }
      indexes.put(column, index);
    }
    List<Line> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int r = 0; r < records.size(); r++) {
      List<String> record = records.get(r);
      int line = lineNumbers.get(r);
      String problem = problem(record, header.size(), idIndex, indexes, mapping.columns(), seen);
      if (problem != null) {
        problems.add("line %d: %s".formatted(line, problem));
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      indexes.forEach((column, index) -> values.put(column, record.get(index).strip()));
      rows.add(new Line(line, record.get(idIndex).strip(), values));
    }
    return new Table(mapping.id(), mapping.columns(), rows, problems);
  }

  /**
   * Reads without a mapping: {@code idColumn} the id, {@code keep} (e.g. the label) kept as text,
   * every other column numeric if all its non-blank values are numbers, else categorical.
   */
  public static Table inferred(Path csv, String idColumn, String keepAsText) {
    List<List<String>> records = new ArrayList<>();
    List<String> header = parse(csv, records, new ArrayList<>());
    Map<String, Kind> kinds = new LinkedHashMap<>();
    for (int c = 0; c < header.size(); c++) {
      String column = header.get(c);
      if (column.equals(idColumn)) {
        continue;
      }
      boolean numeric = !column.equals(keepAsText);
      for (List<String> record : records) {
        if (numeric && c < record.size() && !record.get(c).isBlank() && !isNumber(record.get(c))) {
          numeric = false;
        }
      }
      kinds.put(column, numeric ? Kind.NUMERIC : Kind.CATEGORICAL);
    }
    return read(csv, new Mapping(idColumn, kinds));
  }

  private static String problem(
      List<String> record,
      int width,
      int idIndex,
      Map<String, Integer> indexes,
      Map<String, Kind> kinds,
      Set<String> seen) {
    if (record.size() != width) {
      return "has %d fields, the header has %d".formatted(record.size(), width);
    }
    String id = record.get(idIndex).strip();
    if (id.isEmpty()) {
      return "the id column is empty";
    }
    if (!seen.add(id)) {
      return "customer " + id + " appears again (its first row is kept)";
    }
    for (Map.Entry<String, Integer> e : indexes.entrySet()) {
      String value = record.get(e.getValue()).strip();
      if (kinds.get(e.getKey()) == Kind.NUMERIC && !value.isEmpty() && !isNumber(value)) {
        return "%s=\"%s\" is not a number".formatted(e.getKey(), abbreviate(value));
      }
    }
    return null;
  }

  static boolean isNumber(String value) {
    try {
      double d = Double.parseDouble(value.strip());
      return Double.isFinite(d);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String abbreviate(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  /** RFC 4180: commas, double-quoted fields with "" inside, quoted line breaks. */
  private static List<String> parse(
      Path csv, List<List<String>> records, List<Integer> lineNumbers) {
    try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      List<String> header = null;
      int lineNumber = 0;
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        int startLine = lineNumber;
        StringBuilder text = new StringBuilder(line);
        while (openQuote(text)) {
          String next = reader.readLine();
          if (next == null) {
            break;
          }
          lineNumber++;
          text.append('\n').append(next);
        }
        if (text.toString().isBlank()) {
          continue;
        }
        List<String> fields = fields(text.toString());
        if (header == null) {
          header = fields.stream().map(String::strip).map(h -> h.replace("\uFEFF", "")).toList();
        } else {
          records.add(fields);
          lineNumbers.add(startLine);
        }
      }
      if (header == null) {
        throw new IllegalArgumentException(
            csv + " is empty: expected a header row and customer rows");
      }
      return header;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
    }
  }

  private static boolean openQuote(CharSequence text) {
    int quotes = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '"') {
        quotes++;
      }
    }
    return quotes % 2 == 1;
  }

  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
