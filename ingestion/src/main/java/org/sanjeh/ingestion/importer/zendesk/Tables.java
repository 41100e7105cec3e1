package org.sanjeh.ingestion.importer.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.sanjeh.ingestion.adapter.CsvReader;
import org.sanjeh.ingestion.importer.ProgressBar;

/**
 * Reads warehouse tables exported as CSV (RFC 4180, a header line) or JSONL (one object per line),
 * row by row, with a progress bar per file. A table's name is its file name without the extension
 * and without Fivetran's {@code _data} suffix: {@code ticket_comment_data.csv} is {@code
 * ticket_comment}.
 */
final class Tables {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Tables() {}

  static String tableName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.indexOf('.');
    String base = dot < 0 ? name : name.substring(0, dot);
    return base.endsWith("_data") ? base.substring(0, base.length() - "_data".length()) : base;
  }

  static boolean isTable(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".csv") || name.endsWith(".jsonl") || name.endsWith(".ndjson");
  }

  /** Reads every row of the file; returns how many. */
  static long read(Path file, boolean drawProgress, Consumer<Row> rows) throws IOException {
    String name = file.getFileName().toString();
    ProgressBar bar = ProgressBar.start(name, Files.size(file), drawProgress);
    long count = 0;
    try (ProgressBar.CountingInput counting =
            new ProgressBar.CountingInput(Files.newInputStream(file));
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(counting, StandardCharsets.UTF_8), 1 << 16)) {
      if (name.endsWith(".csv")) {
        CsvReader csv = new CsvReader(reader);
        CsvReader.Record header = csv.next();
        if (header == null) {
          bar.done();
          return 0;
        }
        Map<String, Integer> positions = new HashMap<>();
        List<String> columns = header.fields();
        for (int i = 0; i < columns.size(); i++) {
          positions.put(columns.get(i).strip(), i);
        }
        for (CsvReader.Record record = csv.next(); record != null; record = csv.next()) {
          List<String> fields = record.fields();
          if (fields.size() == 1 && fields.get(0).isBlank()) {
            continue;
          }
          rows.accept(Row.csv(name, record.line(), positions, fields));
          count++;
          bar.at(counting.count(), count);
        }
      } else {
        int line = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
          line++;
          if (text.isBlank()) {
            continue;
          }
          JsonNode node;
          try {
            node = JSON.readTree(text);
          } catch (IOException e) {
            throw new IOException(
                "%s line %d: not a JSON object (%s); each line of a .jsonl table must be one"
                    .formatted(name, line, e.getMessage()));
          }
          rows.accept(Row.json(name, line, flat(node), text));
          count++;
          bar.at(counting.count(), count);
        }
      }
    }
    bar.done();
    return count;
  }

  /** A JSON object's fields as text: values as they read, objects and arrays as JSON text. */
  static Map<String, String> flat(JsonNode node) {
    Map<String, String> values = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      values.put(
          field.getKey(),
          value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString());
    }
    return values;
  }
}
