package org.sanjeh.ingestion.importer.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.sanjeh.ingestion.importer.Finding;

/**
 * Fivetran's Zendesk tables ({@code ticket}, {@code ticket_comment}, {@code ticket_field_history},
 * {@code user}, {@code group}, {@code ticket_tag}, {@code schedule}, {@code schedule_holiday},
 * {@code sla_policy_metric_history}, {@code ticket_schedule}, {@code ticket_sla_policy}; CSV or
 * JSONL, with or without the {@code _data} suffix) read into a {@link ZendeskData}. A row with a
 * value that cannot be read is reported and left out; a table that lacks a column the import needs
 * stops the import before anything is sent, naming the file, the column and what it has.
 */
final class FivetranTables {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Tables this import reads, with the columns it needs from each. */
  static final Map<String, List<String>> NEEDED = new LinkedHashMap<>();

  static {
    NEEDED.put("ticket", List.of("id", "created_at", "status"));
    NEEDED.put("ticket_comment", List.of("id", "ticket_id", "user_id", "created", "public"));
    NEEDED.put("ticket_field_history", List.of("ticket_id", "field_name", "updated", "value"));
    NEEDED.put("user", List.of("id", "role"));
    NEEDED.put("group", List.of("id", "name"));
    NEEDED.put("ticket_tag", List.of("ticket_id", "tag"));
    NEEDED.put("schedule", List.of("id", "time_zone", "start_time", "end_time"));
    NEEDED.put("schedule_holiday", List.of("schedule_id", "start_date", "end_date"));
    NEEDED.put(
        "sla_policy_metric_history",
        List.of("sla_policy_id", "sla_policy_updated_at", "metric", "priority", "target"));
    NEEDED.put("sla_policy_history", List.of("id", "title"));
    NEEDED.put("ticket_schedule", List.of("ticket_id", "schedule_id", "created_at"));
    NEEDED.put("ticket_sla_policy", List.of("ticket_id", "sla_policy_id", "policy_applied_at"));
  }

  /** Fivetran tables this import reads nothing from, and why. */
  static final Map<String, String> NOT_USED =
      Map.of(
          "time_zone", "zone offsets come from the IANA rules of the schedule's zone",
          "daylight_time", "daylight saving comes from the IANA rules of the schedule's zone",
          "brand", "Sanjeh has no brands; one import per brand keeps them apart",
          "organization", "Sanjeh has no organizations");

  private final ZendeskData data = new ZendeskData();
  private final Consumer<Finding> findings;
  private final Map<String, String> policyTitles = new LinkedHashMap<>();

  private FivetranTables(Consumer<Finding> findings) {
    this.findings = findings;
  }

  static boolean looksLikeFivetran(List<Path> files) {
    return files.stream().anyMatch(f -> Tables.tableName(f).equals("ticket"));
  }

  static ZendeskData read(List<Path> files, boolean progress, Consumer<Finding> findings)
      throws IOException {
    FivetranTables tables = new FivetranTables(findings);
    tables.data.shape = "Fivetran tables";
    // users and groups before the rows that refer to them; the order of the others does not matter
    List<Path> ordered = new ArrayList<>(files);
    ordered.sort(
        java.util.Comparator.comparingInt(
            (Path f) -> List.of("user", "group").contains(Tables.tableName(f)) ? 0 : 1));
    for (Path file : ordered) {
      tables.readTable(file, progress);
    }
    tables.titlePolicies();
    return tables.data;
  }

  private void readTable(Path file, boolean progress) throws IOException {
    String table = Tables.tableName(file);
    List<String> needed = NEEDED.get(table);
    String name = file.getFileName().toString();
    if (needed == null) {
      long rows = Tables.read(file, false, row -> {});
      data.rowsRead.put(name, rows);
      String why = NOT_USED.getOrDefault(table, "not a Zendesk table this import knows");
      findings.accept(
          Finding.skipped(
              "table not imported", name, "%,d rows of %s: %s".formatted(rows, table, why), ""));
      return;
    }
    Set<String> checked = new HashSet<>();
    long rows =
        Tables.read(
            file,
            progress,
            row -> {
              if (checked.isEmpty()) {
                checkColumns(name, table, needed, row);
                checked.add(table);
              }
              try {
                add(table, row);
              } catch (IllegalArgumentException e) {
                findings.accept(
                    Finding.rejected(
                        "value that cannot be read", row.where(), e.getMessage(), row.raw()));
              }
            });
    data.rowsRead.put(name, rows);
  }

  private static void checkColumns(String file, String table, List<String> needed, Row row) {
    for (String column : needed) {
      if (!row.columns().contains(column)) {
        throw new MissingColumn(
            "%s: the %s table needs a column '%s', which it lacks (it has %s). Export the table with that column, or rename the file if it is another table"
                .formatted(file, table, column, row.columns().stream().sorted().toList()));
      }
    }
  }

  /** A table without a column the import needs: nothing can be imported safely. */
  static final class MissingColumn extends IllegalStateException {
    MissingColumn(String message) {
      super(message);
    }
  }

  private void add(String table, Row row) {
    ZendeskData.Origin origin = ZendeskData.Origin.of(row);
    switch (table) {
      case "ticket" ->
          data.tickets.put(
              row.get("id"),
              new ZendeskData.Ticket(
                  row.get("id"),
                  ZendeskTime.parse("created_at", row.get("created_at")),
                  row.has("updated_at")
                      ? ZendeskTime.parse("updated_at", row.get("updated_at"))
                      : null,
                  row.get("via_channel"),
                  row.get("requester_id"),
                  row.get("submitter_id"),
                  row.get("assignee_id"),
                  row.get("group_id"),
                  row.get("subject"),
                  row.get("description"),
                  row.get("status"),
                  row.get("priority"),
                  ids("merged_ticket_ids", row.get("merged_ticket_ids")),
                  List.of(),
                  origin));
      case "ticket_comment" ->
          data.comments.add(
              new ZendeskData.Comment(
                  row.get("id"),
                  row.get("ticket_id"),
                  row.get("user_id"),
                  ZendeskTime.parse("created", row.get("created")),
                  bool("public", row.get("public")),
                  row.get("body"),
                  origin));
      case "ticket_field_history" ->
          data.changes.add(
              new ZendeskData.Change(
                  row.get("ticket_id"),
                  row.get("field_name"),
                  row.get("value"),
                  ZendeskTime.parse("updated", row.get("updated")),
                  row.get("user_id"),
                  origin));
      case "user" ->
          data.users.put(
              row.get("id"), new ZendeskData.User(row.get("id"), row.get("role"), origin));
      case "group" -> data.groupNames.put(row.get("id"), row.get("name"));
      case "ticket_tag" ->
          data.tags.add(new ZendeskData.Tag(row.get("ticket_id"), row.get("tag"), origin));
      case "schedule" -> {
        ZendeskData.Schedule schedule =
            data.schedules.computeIfAbsent(
                row.get("id"),
                id ->
                    new ZendeskData.Schedule(
                        id, row.get("name"), row.get("time_zone"), new ArrayList<>(), origin));
        schedule
            .intervals()
            .add(
                new ZendeskData.Interval(
                    minutes("start_time", row.get("start_time")),
                    minutes("end_time", row.get("end_time"))));
      }
      case "schedule_holiday" ->
          data.holidays.add(
              new ZendeskData.Holiday(
                  row.get("schedule_id"),
                  row.get("name"),
                  ZendeskTime.date("start_date", row.get("start_date")),
                  ZendeskTime.date("end_date", row.get("end_date")),
                  origin));
      case "sla_policy_metric_history" ->
          data.policyMetrics.add(
              new ZendeskData.PolicyMetric(
                  row.get("sla_policy_id"),
                  null,
                  ZendeskTime.parse("sla_policy_updated_at", row.get("sla_policy_updated_at")),
                  !row.has("business_hours") || bool("business_hours", row.get("business_hours")),
                  row.get("metric"),
                  row.get("priority"),
                  minutes("target", row.get("target")),
                  origin));
      case "sla_policy_history" -> policyTitles.put(row.get("id"), row.get("title"));
      case "ticket_schedule" ->
          data.ticketSchedules.add(
              new ZendeskData.Assignment(
                  row.get("ticket_id"),
                  row.get("schedule_id"),
                  ZendeskTime.parse("created_at", row.get("created_at")),
                  origin));
      case "ticket_sla_policy" ->
          data.ticketPolicies.add(
              new ZendeskData.Assignment(
                  row.get("ticket_id"),
                  row.get("sla_policy_id"),
                  ZendeskTime.parse("policy_applied_at", row.get("policy_applied_at")),
                  origin));
      default -> throw new IllegalStateException("no reader for table " + table);
    }
  }

  private void titlePolicies() {
    if (policyTitles.isEmpty()) {
      return;
    }
    data.policyMetrics.replaceAll(
        m ->
            new ZendeskData.PolicyMetric(
                m.policyId(),
                policyTitles.get(m.policyId()),
                m.version(),
                m.businessHours(),
                m.metric(),
                m.priority(),
                m.targetMinutes(),
                m.origin()));
  }

  static boolean bool(String column, String value) {
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "t", "1" -> true;
      case "false", "f", "0", "" -> false;
      default ->
          throw new IllegalArgumentException(
              "%s=\"%s\" is neither TRUE nor FALSE".formatted(column, value));
    };
  }

  static int minutes(String column, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "%s=\"%s\" is not a whole number of minutes".formatted(column, value));
    }
  }

  /** {@code [1967, 1968]} (JSON, as Fivetran writes it) or {@code 1967,1968}; empty is none. */
  static List<String> ids(String column, String value) {
    String text = value.strip();
    if (text.isEmpty() || text.equals("[]")) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    if (text.startsWith("[")) {
      try {
        for (JsonNode id : JSON.readTree(text)) {
          ids.add(id.asText());
        }
        return ids;
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "%s=\"%s\" is not a JSON list of ticket ids".formatted(column, value));
      }
    }
    for (String id : text.split(",")) {
      if (!id.isBlank()) {
        ids.add(id.strip());
      }
    }
    return ids;
  }
}
