package org.sanjeh.ingestion.importer.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.sanjeh.ingestion.importer.Finding;

/**
 * The Zendesk API's export, as saved from its endpoints: each file holds one endpoint's answer (or
 * its pages, one JSON object per line), named by the list it holds.
 *
 * <ul>
 *   <li>{@code tickets.json}: {@code {"tickets": [...]}} from the incremental ticket export: {@code
 *       id}, {@code created_at}, {@code updated_at}, {@code via.channel}, {@code requester_id},
 *       {@code submitter_id}, {@code status}, {@code priority}, {@code tags}, ... (today's values);
 *   <li>{@code ticket_audits.json}: {@code {"audits": [...]}}, each with {@code ticket_id}, {@code
 *       created_at}, {@code author_id} and {@code events}: {@code Create} and {@code Change}
 *       ({@code field_name}, {@code value}), {@code Comment} ({@code id}, {@code author_id}, {@code
 *       public}, {@code body});
 *   <li>or {@code ticket_events.json}: {@code {"ticket_events": [...]}} from the incremental ticket
 *       event export ({@code include=comment_events}), each with {@code child_events} whose {@code
 *       event_type} is {@code Create}, {@code Change} (the changed field as a key, or {@code
 *       field_name}/{@code value}) or {@code Comment};
 *   <li>{@code users.json} ({@code role}), {@code groups.json}; optionally {@code schedules.json}
 *       (with {@code intervals} and {@code holidays}), {@code sla_policies.json} ({@code
 *       policy_metrics}) and {@code ticket_metric_events.json} (its {@code apply_sla} events say
 *       which policy a ticket got, and when).
 * </ul>
 */
final class ApiExport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> LISTS =
      Set.of(
          "tickets",
          "audits",
          "ticket_events",
          "users",
          "groups",
          "schedules",
          "sla_policies",
          "ticket_metric_events");

  private final ZendeskData data = new ZendeskData();
  private final Consumer<Finding> findings;

  private ApiExport(Consumer<Finding> findings) {
    this.findings = findings;
  }

  static boolean looksLikeApi(List<Path> files) {
    return files.stream()
        .map(f -> f.getFileName().toString())
        .anyMatch(n -> n.startsWith("tickets.json") || n.equals("tickets.jsonl"));
  }

  static ZendeskData read(List<Path> files, Consumer<Finding> findings) throws IOException {
    ApiExport export = new ApiExport(findings);
    export.data.shape = "Zendesk API export";
    List<Path> ordered = new ArrayList<>(files);
    // users and groups first: audits refer to them
    ordered.sort(
        java.util.Comparator.comparingInt(
            (Path f) -> {
              String n = f.getFileName().toString();
              return n.startsWith("users") || n.startsWith("groups") ? 0 : 1;
            }));
    for (Path file : ordered) {
      export.readFile(file);
    }
    return export.data;
  }

  private void readFile(Path file) throws IOException {
    String name = file.getFileName().toString();
    List<JsonNode> pages = new ArrayList<>();
    if (name.endsWith(".jsonl")) {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        int line = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
          line++;
          if (!text.isBlank()) {
            pages.add(parse(name + " line " + line, text));
          }
        }
      }
    } else {
      pages.add(parse(name, Files.readString(file, StandardCharsets.UTF_8)));
    }
    long rows = 0;
    for (JsonNode page : pages) {
      boolean known = false;
      for (Iterator<String> it = page.fieldNames(); it.hasNext(); ) {
        String list = it.next();
        if (!LISTS.contains(list) || !page.get(list).isArray()) {
          continue;
        }
        known = true;
        JsonNode items = page.get(list);
        for (int i = 0; i < items.size(); i++) {
          JsonNode item = items.get(i);
          ZendeskData.Origin origin =
              new ZendeskData.Origin("%s %s[%d]".formatted(name, list, i), item.toString());
          rows++;
          try {
            add(list, item, origin);
          } catch (IllegalArgumentException e) {
            findings.accept(
                Finding.rejected(
                    "value that cannot be read", origin.where(), e.getMessage(), origin.raw()));
          }
        }
      }
      if (!known) {
        findings.accept(
            Finding.skipped(
                "file not imported",
                name,
                "holds none of the lists this import reads (%s); it has %s"
                    .formatted(LISTS.stream().sorted().toList(), fieldNames(page)),
                ""));
      }
    }
    data.rowsRead.put(name, rows);
  }

  private static JsonNode parse(String where, String text) throws IOException {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw new IOException(where + ": expected a JSON object such as {\"tickets\": [...]}");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(
          "%s: not valid JSON at line %d, column %d: %s"
              .formatted(
                  where,
                  e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                  e.getLocation() == null ? 0 : e.getLocation().getColumnNr(),
                  e.getOriginalMessage()));
    }
  }

  private void add(String list, JsonNode item, ZendeskData.Origin origin) {
    switch (list) {
      case "tickets" -> ticket(item, origin);
      case "audits" -> audit(item, origin);
      case "ticket_events" -> ticketEvent(item, origin);
      case "users" ->
          data.users.put(
              text(item, "id"), new ZendeskData.User(text(item, "id"), text(item, "role"), origin));
      case "groups" -> data.groupNames.put(text(item, "id"), text(item, "name"));
      case "schedules" -> schedule(item, origin);
      case "sla_policies" -> policy(item, origin);
      case "ticket_metric_events" -> metricEvent(item, origin);
      default -> throw new IllegalStateException(list);
    }
  }

  private void ticket(JsonNode t, ZendeskData.Origin origin) {
    String id = text(t, "id");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("a ticket without an id");
    }
    List<String> tags = new ArrayList<>();
    t.path("tags").forEach(tag -> tags.add(tag.asText()));
    List<String> merged = new ArrayList<>();
    t.path("merged_ticket_ids").forEach(m -> merged.add(m.asText()));
    data.tickets.put(
        id,
        new ZendeskData.Ticket(
            id,
            time(t, "created_at"),
            t.hasNonNull("updated_at") ? time(t, "updated_at") : null,
            t.path("via").path("channel").asText(""),
            text(t, "requester_id"),
            text(t, "submitter_id"),
            text(t, "assignee_id"),
            text(t, "group_id"),
            text(t, "subject"),
            text(t, "description"),
            text(t, "status"),
            text(t, "priority"),
            merged,
            tags,
            origin));
  }

  /** One audit of the Ticket Audits API: its events happened at the audit's time. */
  private void audit(JsonNode audit, ZendeskData.Origin origin) {
    String ticketId = text(audit, "ticket_id");
    Instant at = time(audit, "created_at");
    String author = text(audit, "author_id");
    for (JsonNode event : audit.path("events")) {
      String type = text(event, "type");
      switch (type) {
        case "Comment" -> comment(ticketId, at, author, event, origin);
        case "Create", "Change" ->
            data.changes.add(
                new ZendeskData.Change(
                    ticketId,
                    text(event, "field_name"),
                    value(event.get("value")),
                    at,
                    author,
                    origin));
        default -> {
          // notifications, satisfaction ratings, SLA and other events carry nothing to import
        }
      }
    }
  }

  /** One update from the incremental ticket event export. */
  private void ticketEvent(JsonNode update, ZendeskData.Origin origin) {
    String ticketId = text(update, "ticket_id");
    Instant at =
        update.hasNonNull("created_at")
            ? time(update, "created_at")
            : Instant.ofEpochSecond(update.path("timestamp").asLong());
    String author = text(update, "updater_id");
    for (JsonNode child : update.path("child_events")) {
      String type = text(child, "event_type");
      switch (type) {
        case "Comment" -> comment(ticketId, at, author, child, origin);
        case "Create", "Change" -> {
          if (child.has("field_name")) {
            data.changes.add(
                new ZendeskData.Change(
                    ticketId,
                    text(child, "field_name"),
                    value(child.get("value")),
                    at,
                    author,
                    origin));
            continue;
          }
          // the changed field is a key of its own: {"event_type": "Change", "status": "open", ...}
          for (Iterator<Map.Entry<String, JsonNode>> it = child.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (Fields.KNOWN.contains(field.getKey())) {
              data.changes.add(
                  new ZendeskData.Change(
                      ticketId, field.getKey(), value(field.getValue()), at, author, origin));
            }
          }
        }
        default -> {
          // other child events carry nothing to import
        }
      }
    }
  }

  private void comment(
      String ticketId, Instant at, String updater, JsonNode event, ZendeskData.Origin origin) {
    String author = event.hasNonNull("author_id") ? text(event, "author_id") : updater;
    data.comments.add(
        new ZendeskData.Comment(
            text(event, "id"),
            ticketId,
            author,
            at,
            !event.has("public") || event.path("public").asBoolean(),
            text(event, "body"),
            origin));
  }

  private void schedule(JsonNode s, ZendeskData.Origin origin) {
    List<ZendeskData.Interval> intervals = new ArrayList<>();
    for (JsonNode i : s.path("intervals")) {
      intervals.add(
          new ZendeskData.Interval(i.path("start_time").asInt(), i.path("end_time").asInt()));
    }
    String id = text(s, "id");
    data.schedules.put(
        id, new ZendeskData.Schedule(id, text(s, "name"), text(s, "time_zone"), intervals, origin));
    for (JsonNode h : s.path("holidays")) {
      data.holidays.add(
          new ZendeskData.Holiday(
              id,
              text(h, "name"),
              ZendeskTime.date("start_date", text(h, "start_date")),
              ZendeskTime.date("end_date", text(h, "end_date")),
              origin));
    }
  }

  private void policy(JsonNode p, ZendeskData.Origin origin) {
    Instant version = p.hasNonNull("updated_at") ? time(p, "updated_at") : Instant.EPOCH;
    for (JsonNode m : p.path("policy_metrics")) {
      data.policyMetrics.add(
          new ZendeskData.PolicyMetric(
              text(p, "id"),
              text(p, "title"),
              version,
              !m.has("business_hours") || m.path("business_hours").asBoolean(),
              text(m, "metric"),
              text(m, "priority"),
              m.path("target").asLong(),
              origin));
    }
  }

  private void metricEvent(JsonNode e, ZendeskData.Origin origin) {
    if (!text(e, "type").equals("apply_sla")) {
      return;
    }
    data.ticketPolicies.add(
        new ZendeskData.Assignment(
            text(e, "ticket_id"),
            e.path("sla").path("policy").path("id").asText(""),
            time(e, "time"),
            origin));
  }

  private static Instant time(JsonNode node, String field) {
    return ZendeskTime.parse(field, text(node, field));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }

  /** A change's value: text as it is, a list (tags) as its items separated by spaces. */
  private static String value(JsonNode value) {
    if (value == null || value.isNull()) {
      return "";
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(v -> items.add(v.asText()));
      return String.join(" ", items);
    }
    return value.asText();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
