package org.sanjeh.ingestion.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sanjeh.core.event.DecodeResult;
import org.sanjeh.core.event.TicketEventCodec;

/**
 * History from any help desk (Zendesk, Freshdesk, a spreadsheet): CSV or JSONL rows of tickets and
 * comments, turned into events by a mapping file that names, for each field of the event contract,
 * where its value comes from:
 *
 * <pre>{@code
 * {"format": "csv", "source_system": "zendesk",
 *  "fields": {
 *    "event_id":    "comment_id",                                  // a column
 *    "ticket_id":   "ticket_id",
 *    "occurred_at": {"column": "created_at", "pattern": "yyyy-MM-dd HH:mm:ss", "zone": "Asia/Tehran"},
 *    "type":        {"column": "kind", "values": {"new": "ticket_created", "public": "agent_reply", "note": "internal_note"}},
 *    "author_role": {"column": "author", "values": {"end-user": "customer", "agent": "agent"}},
 *    "channel":     {"value": "email"},                            // a constant
 *    "body":        "text",
 *    "tags":        {"column": "tags", "split": " "}}}
 * }</pre>
 *
 * Each row becomes the event's JSON form and is judged by the same codec as the intake API, so a
 * bad row is rejected with the field, the value and the reason, and its line.
 */
public final class HelpdeskMapping {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TicketEventCodec CODEC = new TicketEventCodec();

  private final String format;
  private final String sourceSystem;
  private final Map<String, JsonNode> fields = new LinkedHashMap<>();

  private HelpdeskMapping(JsonNode mapping, String where) throws IOException {
    this.format = mapping.path("format").asText("csv");
    if (!List.of("csv", "jsonl").contains(format)) {
      throw new IOException(where + ": format must be csv or jsonl, not '" + format + "'");
    }
    this.sourceSystem = mapping.path("source_system").asText("helpdesk");
    JsonNode fieldNodes = mapping.path("fields");
    if (!fieldNodes.isObject() || fieldNodes.isEmpty()) {
      throw new IOException(
          where + ": \"fields\" must map event fields to columns, see docs/import.md");
    }
    fieldNodes.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue()));
  }

  public static HelpdeskMapping load(Path mappingFile) throws IOException {
    return new HelpdeskMapping(
        JSON.readTree(Files.readAllBytes(mappingFile)), mappingFile.getFileName().toString());
  }

  public List<ImportItem> read(Path file) throws IOException {
    String name = file.getFileName().toString();
    List<ImportItem> items = new ArrayList<>();
    if (format.equals("jsonl")) {
      int line = 0;
      for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        line++;
        if (!text.isBlank()) {
          items.add(row(name, line, text, columnsOf(JSON.readTree(text))));
        }
      }
      return items;
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CsvReader csv = new CsvReader(reader);
      CsvReader.Record header = csv.next();
      if (header == null) {
        throw new IOException(name + " is empty");
      }
      checkColumns(name, header.fields());
      for (CsvReader.Record record = csv.next(); record != null; record = csv.next()) {
        if (record.fields().size() == 1 && record.fields().get(0).isBlank()) {
          continue;
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
          row.put(
              header.fields().get(i).strip(),
              i < record.fields().size() ? record.fields().get(i) : "");
        }
        items.add(row(name, record.line(), String.join(",", record.fields()), row));
      }
    }
    return items;
  }

  private ImportItem row(String file, int line, String raw, Map<String, String> row) {
    ObjectNode event = JSON.createObjectNode();
    event.put("source_system", sourceSystem);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
      try {
        put(event, field.getKey(), field.getValue(), row);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (problems.isEmpty()) {
      DecodeResult decoded = CODEC.decode(event.toString());
      if (decoded.isValid()) {
        return new ImportItem.Event(decoded.event());
      }
      problems.add(decoded.describeErrors());
    }
    return new ImportItem.Rejected(
        file + " line " + line,
        line,
        raw.getBytes(StandardCharsets.UTF_8),
        String.join("; ", problems));
  }

  private static void put(ObjectNode event, String field, JsonNode rule, Map<String, String> row) {
    if (rule.isTextual()) {
      putText(event, field, row.get(rule.asText()));
      return;
    }
    if (rule.has("value")) {
      event.set(field, rule.get("value"));
      return;
    }
    String column = rule.path("column").asText();
    String value = row.get(column);
    if (value == null || value.isEmpty()) {
      return;
    }
    if (rule.has("values")) {
      JsonNode mapped = rule.get("values").get(value);
      event.put(field, mapped != null ? mapped.asText() : value);
    } else if (rule.has("pattern")) {
      event.put(field, time(column, value, rule));
    } else if (rule.has("split")) {
      ArrayNode tags = event.putArray(field);
      for (String part : value.split(java.util.regex.Pattern.quote(rule.get("split").asText()))) {
        if (!part.isBlank()) {
          tags.add(part.strip());
        }
      }
    } else {
      putText(event, field, value);
    }
  }

  private static void putText(ObjectNode event, String field, String value) {
    if (value != null && !value.isEmpty()) {
      event.put(field, value);
    }
  }

  private static String time(String column, String value, JsonNode rule) {
    try {
      LocalDateTime local =
          LocalDateTime.parse(
              value.strip(), DateTimeFormatter.ofPattern(rule.get("pattern").asText()));
      return local.atZone(ZoneId.of(rule.path("zone").asText("UTC"))).toInstant().toString();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "column %s=\"%s\" does not match the mapping's pattern %s"
              .formatted(column, value, rule.get("pattern").asText()),
          e);
    }
  }

  private void checkColumns(String file, List<String> header) throws IOException {
    List<String> names = header.stream().map(String::strip).toList();
    for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
      JsonNode rule = field.getValue();
      String column = rule.isTextual() ? rule.asText() : rule.path("column").asText(null);
      if (column != null && !names.contains(column)) {
        throw new IOException(
            "%s line 1: the mapping reads %s from column '%s', which the header lacks (it has %s)"
                .formatted(file, field.getKey(), column, names));
      }
    }
  }

  private static Map<String, String> columnsOf(JsonNode row) {
    Map<String, String> columns = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      columns.put(
          field.getKey(),
          field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString());
    }
    return columns;
  }
}
