package org.sanjeh.ingestion.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanjeh.core.event.DecodeResult;
import org.sanjeh.core.event.TicketEventCodec;

/**
 * History from any help desk (Zendesk, Freshdesk, a spreadsheet): CSV or JSONL rows of tickets and
 * comments, turned into events by a mapping file that names, for each field of the event contract,
 * where its value comes from:
 *
 * <pre>{@code
 * {"format": "csv", "source_system": "zendesk",
 *  "lookups": {"users": {"file": "users.csv", "key": "id"}},          // tables to join by key
 *  "skip": [{"column": "public", "equals": "false", "reason": "private notes stay out"}],
 *  "fields": {
 *    "event_id":    {"column": "id", "prefix": "zendesk:comment:"},
 *    "ticket_id":   "ticket_id",                                     // a column
 *    "occurred_at": {"column": "created_at", "pattern": "yyyy-MM-dd HH:mm:ss", "zone": "UTC"},
 *    "type":        {"lookup": "users", "key": "user_id", "column": "role",
 *                    "values": {"end-user": "customer_message"}, "default": "agent_reply"},
 *    "author_role": {"lookup": "users", "key": "user_id", "column": "role",
 *                    "values": {"End-User": "customer", "agent": "agent", "admin": "agent"}},
 *    "agent_id":    {"first": ["assignee_id", "submitter_id"]},          // first non-empty
 *    "source_ref":  {"template": "{ticket_id}/{id}"},                  // columns in a template
 *    "channel":     {"value": "email"},                                // a constant
 *    "tags":        {"column": "tags", "list": "json"}}}               // or "split": " "
 * }</pre>
 *
 * Several files in one run: {@code "files": [{"match": "ticket_comment*.csv", "fields": {…}},
 * {"match": "ticket_field_history*.csv", "fields": {…}}]}, each file read with the first entry
 * whose glob matches its name. Value maps ignore case; {@code "default"} is used when the value is
 * empty or not in the map. A row a {@code skip} rule matches is skipped with the rule's reason,
 * counted apart from the rejects.
 *
 * <p>Each row becomes the event's JSON form and is judged by the same codec as the intake API, so a
 * bad row is rejected with the field, the value and the reason, and its line. A mapping mistake (an
 * unknown key, a column the file lacks, a lookup that is not declared) stops the import before any
 * row is read, naming the mapping, the file, the column and the fix.
 */
public final class HelpdeskMapping {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TicketEventCodec CODEC = new TicketEventCodec();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
  private static final Set<String> TOP_LEVEL =
      Set.of("format", "source_system", "fields", "lookups", "skip", "files");
  private static final Set<String> RULE_KEYS =
      Set.of(
          "column",
          "value",
          "values",
          "default",
          "pattern",
          "zone",
          "split",
          "list",
          "prefix",
          "template",
          "first",
          "lookup",
          "key");
  private static final Set<String> SKIP_KEYS =
      Set.of("column", "equals", "in", "empty", "matches", "reason");

  private final String mappingName;
  private final Path mappingFolder;
  private final String format;
  private final String sourceSystem;
  private final List<FileMapping> files = new ArrayList<>();
  private final Map<String, JsonNode> lookupSpecs = new LinkedHashMap<>();
  private final Map<String, Lookup> lookups = new HashMap<>();

  /** The fields and skip rules for the files whose name matches. */
  private record FileMapping(
      String match, PathMatcher matcher, Map<String, JsonNode> fields, List<JsonNode> skips) {}

  private HelpdeskMapping(JsonNode mapping, String name, Path folder) throws IOException {
    this.mappingName = name;
    this.mappingFolder = folder;
    if (!mapping.isObject()) {
      throw new IOException(name + ": a mapping is a JSON object, see docs/import.md");
    }
    unknownKeys(mapping, TOP_LEVEL, "");
    this.format = mapping.path("format").asText("csv");
    if (!List.of("csv", "jsonl").contains(format)) {
      throw new IOException(name + ": format must be csv or jsonl, not '" + format + "'");
    }
    this.sourceSystem = mapping.path("source_system").asText("helpdesk");
    mapping
        .path("lookups")
        .fields()
        .forEachRemaining(e -> lookupSpecs.put(e.getKey(), e.getValue()));
    for (var spec : lookupSpecs.entrySet()) {
      if (!spec.getValue().path("file").isTextual() || !spec.getValue().path("key").isTextual()) {
        throw new IOException(
            "%s: lookups.%s needs \"file\" (the table to join) and \"key\" (its key column), e.g. {\"file\": \"users.csv\", \"key\": \"id\"}"
                .formatted(name, spec.getKey()));
      }
    }
    if (mapping.has("files")) {
      JsonNode entries = mapping.get("files");
      for (int i = 0; i < entries.size(); i++) {
        JsonNode entry = entries.get(i);
        String where = "files[" + i + "]";
        if (!entry.path("match").isTextual()) {
          throw new IOException(
              "%s: %s needs \"match\", a glob of the file names it maps (e.g. \"ticket_comment*.csv\")"
                  .formatted(name, where));
        }
        files.add(
            fileMapping(entry.get("match").asText(), entry, mapping.path("skip"), where + "."));
      }
    } else {
      files.add(fileMapping("*", mapping, mapping.path("skip"), ""));
    }
  }

  private FileMapping fileMapping(String match, JsonNode node, JsonNode outerSkips, String path)
      throws IOException {
    JsonNode fieldNodes = node.path("fields");
    if (!fieldNodes.isObject() || fieldNodes.isEmpty()) {
      throw new IOException(
          mappingName
              + ": "
              + path
              + "\"fields\" must map event fields to columns, see docs/import.md");
    }
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = fieldNodes.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      checkRule(field.getValue(), path + "fields." + field.getKey());
      fields.put(field.getKey(), field.getValue());
    }
    List<JsonNode> skips = new ArrayList<>();
    for (JsonNode skips0 : List.of(outerSkips, node.path("skip"))) {
      for (JsonNode skip : skips0) {
        if (!skips.contains(skip)) {
          unknownKeys(skip, SKIP_KEYS, path + "skip.");
          if (!skip.path("column").isTextual() || !skip.path("reason").isTextual()) {
            throw new IOException(
                "%s: %sskip: each rule needs \"column\" and \"reason\" (said in the summary), and one of equals, in, empty, matches"
                    .formatted(mappingName, path));
          }
          skips.add(skip);
        }
      }
    }
    return new FileMapping(
        match, FileSystems.getDefault().getPathMatcher("glob:" + match), fields, skips);
  }

  private void checkRule(JsonNode rule, String path) throws IOException {
    if (rule.isTextual()) {
      return;
    }
    if (!rule.isObject()) {
      throw new IOException(
          "%s: %s must be a column name or an object such as {\"column\": \"…\"}"
              .formatted(mappingName, path));
    }
    unknownKeys(rule, RULE_KEYS, path + ".");
    boolean hasSource =
        rule.has("column") || rule.has("value") || rule.has("template") || rule.has("first");
    if (!hasSource) {
      throw new IOException(
          "%s: %s says nowhere to take the value from; give \"column\", \"value\", \"template\" or \"first\""
              .formatted(mappingName, path));
    }
    if (rule.has("lookup")) {
      String lookup = rule.get("lookup").asText();
      if (!lookupSpecs.containsKey(lookup)) {
        throw new IOException(
            "%s: %s reads lookup '%s', which \"lookups\" does not declare (it declares %s); add \"lookups\": {\"%s\": {\"file\": \"….csv\", \"key\": \"id\"}}"
                .formatted(mappingName, path, lookup, lookupSpecs.keySet(), lookup));
      }
      if (!rule.path("key").isTextual() || !rule.path("column").isTextual()) {
        throw new IOException(
            "%s: %s: a lookup needs \"key\" (this file's column holding the key) and \"column\" (the lookup table's column to take)"
                .formatted(mappingName, path));
      }
    }
    if (rule.has("first")) {
      if (!rule.get("first").isArray() || rule.get("first").isEmpty()) {
        throw new IOException(
            "%s: %s.first must be a list of columns (or rules), the first non-empty wins"
                .formatted(mappingName, path));
      }
      int i = 0;
      for (JsonNode option : rule.get("first")) {
        checkRule(option, path + ".first[" + i++ + "]");
      }
    }
    if (rule.has("list") && !rule.get("list").asText().equals("json")) {
      throw new IOException(
          "%s: %s.list: only \"json\" (a JSON array of strings) is known; for separated text use \"split\""
              .formatted(mappingName, path));
    }
  }

  private void unknownKeys(JsonNode node, Set<String> known, String path) throws IOException {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw new IOException(
            "%s: %s%s is not a mapping key; use one of %s"
                .formatted(mappingName, path, key, new TreeSet<>(known)));
      }
    }
  }

  public static HelpdeskMapping load(Path mappingFile) throws IOException {
    JsonNode tree;
    try {
      tree = JSON.readTree(Files.readAllBytes(mappingFile));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(
          "%s: not valid JSON at line %d: %s"
              .formatted(
                  mappingFile.getFileName(),
                  e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                  e.getOriginalMessage()));
    }
    return new HelpdeskMapping(
        tree, mappingFile.getFileName().toString(), mappingFile.toAbsolutePath().getParent());
  }

  /** Whether a folder's file is one of the mapping's lookup tables (read for joins, not rows). */
  public boolean isLookupTable(Path file) {
    String name = file.getFileName().toString();
    return lookupSpecs.values().stream()
        .anyMatch(s -> Path.of(s.get("file").asText()).getFileName().toString().equals(name));
  }

  /** Whether the mapping has fields for this file (a folder's other files are left out). */
  public boolean maps(Path file) {
    return mappingFor(file) != null;
  }

  public List<ImportItem> read(Path file) throws IOException {
    List<ImportItem> items = new ArrayList<>();
    rows(file, Integer.MAX_VALUE, (mapping, row) -> items.add(row(mapping, row, null)));
    return items;
  }

  /**
   * Reads the first {@code limit} rows and prints, for each, what each event field became and from
   * which column, and whether the row would be accepted. Returns whether all were.
   */
  public boolean dryRun(Path file, int limit, PrintStream out) throws IOException {
    boolean[] allGood = {true};
    out.printf("%s (first %d rows, nothing sent):%n", file.getFileName(), limit);
    rows(
        file,
        limit,
        (mapping, row) -> {
          List<String> trace = new ArrayList<>();
          ImportItem item = row(mapping, row, trace);
          String verdict;
          if (item instanceof ImportItem.Event e) {
            verdict = "→ %s event %s".formatted(e.event().type().wire(), e.event().eventId());
          } else if (item instanceof ImportItem.Rejected r) {
            allGood[0] = false;
            verdict = "→ REJECTED: " + r.reason();
          } else {
            verdict = "→ skipped: " + ((ImportItem.Skipped) item).reason();
          }
          out.printf("  %s %s%n", row.where(), verdict);
          trace.forEach(t -> out.println("      " + t));
        });
    return allGood[0];
  }

  /** One row of a file, with its values by column. */
  private record SourceRow(String file, int line, String raw, Map<String, String> values) {
    String where() {
      return file + " line " + line;
    }
  }

  private interface RowSink {
    void accept(FileMapping mapping, SourceRow row);
  }

  private void rows(Path file, int limit, RowSink sink) throws IOException {
    String name = file.getFileName().toString();
    FileMapping mapping = mappingFor(file);
    if (mapping == null) {
      throw new IOException(
          "%s: %s matches none of the mapping's \"files\" (%s); add an entry {\"match\": \"%s\", \"fields\": {…}} or leave the file out"
              .formatted(mappingName, name, files.stream().map(FileMapping::match).toList(), name));
    }
    Path folder = file.toAbsolutePath().getParent();
    for (JsonNode rule : mapping.fields().values()) {
      lookupsOf(rule, folder);
    }
    boolean jsonl =
        name.endsWith(".jsonl")
            || name.endsWith(".ndjson")
            || (!name.endsWith(".csv") && format.equals("jsonl"));
    int[] count = {0};
    Consumer<SourceRow> each =
        row -> {
          if (count[0]++ < limit) {
            sink.accept(mapping, row);
          }
        };
    if (jsonl) {
      int line = 0;
      for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        line++;
        if (count[0] >= limit) {
          break;
        }
        if (!text.isBlank()) {
          // JSON rows name their keys themselves: a key a row lacks is an absent value, not a
          // mapping mistake, so only CSV headers are checked
          Map<String, String> values = columnsOf(JSON.readTree(text));
          each.accept(new SourceRow(name, line, text, values));
        }
      }
      return;
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CsvReader csv = new CsvReader(reader);
      CsvReader.Record header = csv.next();
      if (header == null) {
        throw new IOException(name + " is empty");
      }
      List<String> columns = header.fields().stream().map(String::strip).toList();
      checkColumns(name, mapping, columns);
      for (CsvReader.Record record = csv.next();
          record != null && count[0] < limit;
          record = csv.next()) {
        if (record.fields().size() == 1 && record.fields().get(0).isBlank()) {
          continue;
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          row.put(columns.get(i), i < record.fields().size() ? record.fields().get(i) : "");
        }
        each.accept(new SourceRow(name, record.line(), String.join(",", record.fields()), row));
      }
    }
  }

  private FileMapping mappingFor(Path file) {
    Path name = file.getFileName();
    for (FileMapping mapping : files) {
      if (mapping.matcher().matches(name)) {
        return mapping;
      }
    }
    return null;
  }

  // --- one row ----------------------------------------------------------------------------------

  private ImportItem row(FileMapping mapping, SourceRow row, List<String> trace) {
    byte[] raw = row.raw().getBytes(StandardCharsets.UTF_8);
    for (JsonNode skip : mapping.skips()) {
      String column = skip.get("column").asText();
      String value = row.values().getOrDefault(column, "");
      if (skips(skip, value)) {
        return new ImportItem.Skipped(
            row.where(),
            row.line(),
            raw,
            "%s (%s=\"%s\")".formatted(skip.get("reason").asText(), column, value));
      }
    }
    ObjectNode event = JSON.createObjectNode();
    event.put("source_system", sourceSystem);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : mapping.fields().entrySet()) {
      StringBuilder how = trace == null ? null : new StringBuilder();
      try {
        put(event, field.getKey(), field.getValue(), row.values(), how);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
        if (how != null) {
          how.append(" ✗ ").append(e.getMessage());
        }
      }
      if (trace != null) {
        trace.add("%-12s ← %s".formatted(field.getKey(), how));
      }
    }
    if (problems.isEmpty()) {
      DecodeResult decoded = CODEC.decode(event.toString());
      if (decoded.isValid()) {
        return new ImportItem.Event(decoded.event());
      }
      problems.add(decoded.describeErrors());
    }
    return new ImportItem.Rejected(row.where(), row.line(), raw, String.join("; ", problems));
  }

  private static boolean skips(JsonNode skip, String value) {
    String v = value.strip();
    if (skip.has("equals")) {
      return v.equalsIgnoreCase(skip.get("equals").asText());
    }
    if (skip.has("in")) {
      for (JsonNode option : skip.get("in")) {
        if (v.equalsIgnoreCase(option.asText())) {
          return true;
        }
      }
      return false;
    }
    if (skip.has("empty")) {
      return v.isEmpty() == skip.get("empty").asBoolean();
    }
    if (skip.has("matches")) {
      return Pattern.compile(skip.get("matches").asText()).matcher(v).find();
    }
    return false;
  }

  private void put(
      ObjectNode event, String field, JsonNode rule, Map<String, String> row, StringBuilder how) {
    if (rule.has("value") && !rule.isTextual()) {
      event.set(field, rule.get("value"));
      note(how, "constant " + rule.get("value"));
      return;
    }
    String value = text(rule, row, how);
    if (!rule.isTextual()) {
      value = transform(field, rule, value, how);
    }
    if (value == null || value.isEmpty()) {
      note(how, " (empty: left out)");
      return;
    }
    if (rule.has("pattern")) {
      event.put(field, time(rule.path("column").asText(field), value, rule));
    } else if (rule.has("list")) {
      ArrayNode tags = event.putArray(field);
      try {
        JsonNode array = JSON.readTree(value);
        if (array == null || !array.isArray()) {
          throw new IOException("not an array");
        }
        array.forEach(t -> tags.add(t.asText()));
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "column %s=\"%s\" is not a JSON array of strings (the mapping says \"list\": \"json\")"
                .formatted(rule.path("column").asText(field), value));
      }
    } else if (rule.has("split")) {
      if (value.startsWith("[") && value.endsWith("]")) {
        throw new IllegalArgumentException(
            "column %s=\"%s\" holds a JSON array; map it with \"list\": \"json\" instead of \"split\""
                .formatted(rule.path("column").asText(field), value));
      }
      ArrayNode tags = event.putArray(field);
      for (String part : value.split(Pattern.quote(rule.get("split").asText()))) {
        if (!part.isBlank()) {
          tags.add(part.strip());
        }
      }
    } else {
      event.put(field, value);
    }
    note(how, " → " + event.get(field));
  }

  /** The rule's text before maps and formats: a column, a template, a lookup, the first of many. */
  private String text(JsonNode rule, Map<String, String> row, StringBuilder how) {
    if (rule.isTextual()) {
      String value = row.get(rule.asText());
      note(how, "%s=\"%s\"".formatted(rule.asText(), value));
      return value;
    }
    if (rule.has("value")) {
      note(how, "constant " + rule.get("value"));
      return rule.get("value").asText();
    }
    if (rule.has("template")) {
      Matcher m = PLACEHOLDER.matcher(rule.get("template").asText());
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(
            out, Matcher.quoteReplacement(row.getOrDefault(m.group(1), "").strip()));
      }
      m.appendTail(out);
      note(how, "template %s = \"%s\"".formatted(rule.get("template"), out));
      return out.toString();
    }
    if (rule.has("first")) {
      for (JsonNode option : rule.get("first")) {
        String value = text(option, row, how);
        if (!option.isTextual()) {
          value = transform("", option, value, null);
        }
        if (value != null && !value.isBlank()) {
          note(how, " (first non-empty)");
          return value;
        }
        note(how, " empty, then ");
      }
      return "";
    }
    String column = rule.get("column").asText();
    if (rule.has("lookup")) {
      String keyColumn = rule.get("key").asText();
      String key = row.getOrDefault(keyColumn, "").strip();
      Lookup lookup = lookups.get(rule.get("lookup").asText());
      if (key.isEmpty()) {
        note(how, "lookup %s[%s is empty]".formatted(lookup.name, keyColumn));
        return "";
      }
      Map<String, String> joined = lookup.rows.get(key);
      if (joined == null) {
        if (rule.has("default")) {
          note(how, "lookup %s[%s=\"%s\"] missing".formatted(lookup.name, keyColumn, key));
          return "";
        }
        throw new IllegalArgumentException(
            "%s=\"%s\" is not in %s (the lookup for %s)"
                .formatted(keyColumn, key, lookup.file, column));
      }
      if (lookup.duplicates.contains(key)) {
        throw new IllegalArgumentException(
            "%s has several rows with %s=\"%s\"; the lookup cannot tell which"
                .formatted(lookup.file, lookup.key, key));
      }
      String value = joined.get(column);
      note(how, "%s[%s=\"%s\"].%s=\"%s\"".formatted(lookup.name, keyColumn, key, column, value));
      return value;
    }
    String value = row.get(column);
    note(how, "%s=\"%s\"".formatted(column, value));
    return value;
  }

  /** Value map (ignoring case), default, prefix. */
  private static String transform(String field, JsonNode rule, String value, StringBuilder how) {
    String v = value == null ? "" : value;
    if (rule.has("values")) {
      JsonNode mapped = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = rule.get("values").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (entry.getKey().equalsIgnoreCase(v.strip())) {
          mapped = entry.getValue();
          break;
        }
      }
      if (mapped != null) {
        note(how, " mapped to \"%s\"".formatted(mapped.asText()));
        v = mapped.asText();
      } else if (rule.has("default")) {
        note(how, " not in the map: default \"%s\"".formatted(rule.get("default").asText()));
        v = rule.get("default").asText();
      }
    } else if (v.isBlank() && rule.has("default")) {
      note(how, " empty: default \"%s\"".formatted(rule.get("default").asText()));
      v = rule.get("default").asText();
    }
    if (rule.has("prefix") && !v.isEmpty()) {
      v = rule.get("prefix").asText() + v;
    }
    return v;
  }

  private static void note(StringBuilder how, String text) {
    if (how != null) {
      how.append(text);
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

  // --- columns and lookups ----------------------------------------------------------------------

  private void checkColumns(String file, FileMapping mapping, java.util.Collection<String> header)
      throws IOException {
    List<String> names = header.stream().map(String::strip).toList();
    for (Map.Entry<String, JsonNode> field : mapping.fields().entrySet()) {
      for (String column : columnsRead(field.getValue())) {
        if (!names.contains(column)) {
          throw new IOException(
              "%s line 1: the mapping reads %s from column '%s', which the header lacks (it has %s)%s"
                  .formatted(
                      file, field.getKey(), column, names, suggestion(mappingName, column, names)));
        }
      }
    }
    for (JsonNode skip : mapping.skips()) {
      String column = skip.get("column").asText();
      if (!names.contains(column)) {
        throw new IOException(
            "%s line 1: the mapping's skip rule \"%s\" reads column '%s', which the header lacks (it has %s)%s"
                .formatted(
                    file,
                    skip.get("reason").asText(),
                    column,
                    names,
                    suggestion(mappingName, column, names)));
      }
    }
  }

  /** The file's own columns a rule reads (a lookup's column is in the lookup table). */
  private static List<String> columnsRead(JsonNode rule) {
    List<String> columns = new ArrayList<>();
    if (rule.isTextual()) {
      columns.add(rule.asText());
    } else if (rule.has("template")) {
      Matcher m = PLACEHOLDER.matcher(rule.get("template").asText());
      while (m.find()) {
        columns.add(m.group(1));
      }
    } else if (rule.has("first")) {
      rule.get("first").forEach(option -> columns.addAll(columnsRead(option)));
    } else if (rule.has("lookup")) {
      columns.add(rule.get("key").asText());
    } else if (rule.has("column")) {
      columns.add(rule.get("column").asText());
    }
    return columns;
  }

  private static String suggestion(String mapping, String column, List<String> names) {
    String closest = null;
    int best = Integer.MAX_VALUE;
    for (String name : names) {
      int d = distance(column.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
      if (d < best) {
        best = d;
        closest = name;
      }
    }
    return closest != null && best <= Math.max(2, column.length() / 3)
        ? "; fix: write '%s' in %s".formatted(closest, mapping)
        : "; fix: name one of the file's columns in " + mapping;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] =
            Math.min(
                Math.min(cur[j - 1] + 1, prev[j] + 1),
                prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** A table joined by key, loaded once per run. */
  private static final class Lookup {
    final String name;
    final String file;
    final String key;
    final Map<String, Map<String, String>> rows = new HashMap<>();
    final Set<String> duplicates = new java.util.HashSet<>();

    Lookup(String name, String file, String key) {
      this.name = name;
      this.file = file;
      this.key = key;
    }
  }

  private void lookupsOf(JsonNode rule, Path inputFolder) throws IOException {
    if (rule.isTextual()) {
      return;
    }
    if (rule.has("first")) {
      for (JsonNode option : rule.get("first")) {
        lookupsOf(option, inputFolder);
      }
    }
    if (!rule.has("lookup")) {
      return;
    }
    String name = rule.get("lookup").asText();
    if (lookups.containsKey(name)) {
      return;
    }
    JsonNode spec = lookupSpecs.get(name);
    String fileName = spec.get("file").asText();
    Path file = Path.of(fileName);
    if (!file.isAbsolute()) {
      file =
          Files.exists(inputFolder.resolve(fileName))
              ? inputFolder.resolve(fileName)
              : mappingFolder.resolve(fileName);
    }
    if (!Files.exists(file)) {
      throw new IOException(
          "%s: lookups.%s reads %s, which is neither beside the input (%s) nor beside the mapping (%s); fix the \"file\""
              .formatted(mappingName, name, fileName, inputFolder, mappingFolder));
    }
    String keyColumn = spec.get("key").asText();
    Lookup lookup = new Lookup(name, file.getFileName().toString(), keyColumn);
    String column = rule.get("column").asText();
    List<Map<String, String>> rows = table(file);
    if (!rows.isEmpty()) {
      for (String needed : List.of(keyColumn, column)) {
        if (!rows.get(0).containsKey(needed)) {
          throw new IOException(
              "%s: lookups.%s: %s has no column '%s' (it has %s)%s"
                  .formatted(
                      mappingName,
                      name,
                      lookup.file,
                      needed,
                      rows.get(0).keySet(),
                      suggestion(mappingName, needed, List.copyOf(rows.get(0).keySet()))));
        }
      }
    }
    for (Map<String, String> row : rows) {
      String key = row.getOrDefault(keyColumn, "").strip();
      if (lookup.rows.putIfAbsent(key, row) != null) {
        lookup.duplicates.add(key);
      }
    }
    lookups.put(name, lookup);
  }

  private static List<Map<String, String>> table(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    String name = file.getFileName().toString();
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!text.isBlank()) {
          rows.add(columnsOf(JSON.readTree(text)));
        }
      }
      return rows;
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CsvReader csv = new CsvReader(reader);
      CsvReader.Record header = csv.next();
      if (header == null) {
        return rows;
      }
      for (CsvReader.Record record = csv.next(); record != null; record = csv.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
          row.put(
              header.fields().get(i).strip(),
              i < record.fields().size() ? record.fields().get(i) : "");
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static Map<String, String> columnsOf(JsonNode row) {
    Map<String, String> columns = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      columns.put(
          field.getKey(),
          field.getValue().isNull()
              ? ""
              : field.getValue().isValueNode()
                  ? field.getValue().asText()
                  : field.getValue().toString());
    }
    return columns;
  }
}
