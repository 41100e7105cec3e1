package org.sanjeh.ingestion.importer.zendesk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Zendesk export read from either shape (Fivetran's tables or the API's incremental export),
 * before it becomes events. Every item keeps the row it came from, so each finding names the file,
 * the line and the values.
 */
final class ZendeskData {

  /**
   * Where an item came from: {@code ticket.csv line 4} and the row as read. Of a table row, both
   * are made only when asked for (by a finding): a million rows need neither.
   */
  static final class Origin {
    private final Row row;
    private final String where;
    private final String raw;

    Origin(String where, String raw) {
      this(null, where, raw);
    }

    private Origin(Row row, String where, String raw) {
      this.row = row;
      this.where = where;
      this.raw = raw;
    }

    static Origin of(Row row) {
      return new Origin(row, null, null);
    }

    String where() {
      return row != null ? row.where() : where;
    }

    String raw() {
      return row != null ? row.raw() : raw;
    }
  }

  /**
   * A ticket as the export has it today: {@code status}, {@code priority}, {@code groupId} and
   * {@code assigneeId} are its CURRENT values, never what it was created with.
   */
  record Ticket(
      String id,
      Instant createdAt,
      Instant updatedAt,
      String via,
      String requesterId,
      String submitterId,
      String assigneeId,
      String groupId,
      String subject,
      String description,
      String status,
      String priority,
      List<String> mergedTicketIds,
      List<String> tags,
      Origin origin) {}

  record Comment(
      String id,
      String ticketId,
      String authorId,
      Instant at,
      boolean isPublic,
      String body,
      Origin origin) {}

  /** One field's new value at a moment: Fivetran's ticket_field_history, the API's Change. */
  record Change(
      String ticketId, String field, String value, Instant at, String userId, Origin origin) {}

  record User(String id, String role, Origin origin) {}

  record Tag(String ticketId, String tag, Origin origin) {}

  /** One opening interval of a schedule, in minutes of the week from Sunday 00:00 local time. */
  record Interval(int startMinute, int endMinute) {}

  record Schedule(
      String id, String name, String timeZone, List<Interval> intervals, Origin origin) {}

  record Holiday(String scheduleId, String name, LocalDate start, LocalDate end, Origin origin) {}

  /** One target of one version of an SLA policy. */
  record PolicyMetric(
      String policyId,
      String title,
      Instant version,
      boolean businessHours,
      String metric,
      String priority,
      long targetMinutes,
      Origin origin) {}

  /** From {@code at} on, the ticket was under this schedule or policy. */
  record Assignment(String ticketId, String id, Instant at, Origin origin) {}

  final Map<String, Ticket> tickets = new LinkedHashMap<>();
  final List<Comment> comments = new ArrayList<>();
  final List<Change> changes = new ArrayList<>();
  final Map<String, User> users = new LinkedHashMap<>();
  final Map<String, String> groupNames = new LinkedHashMap<>();
  final List<Tag> tags = new ArrayList<>();
  final Map<String, Schedule> schedules = new LinkedHashMap<>();
  final List<Holiday> holidays = new ArrayList<>();
  final List<PolicyMetric> policyMetrics = new ArrayList<>();
  final List<Assignment> ticketSchedules = new ArrayList<>();
  final List<Assignment> ticketPolicies = new ArrayList<>();

  /** Rows read, per file, for the summary. */
  final Map<String, Long> rowsRead = new LinkedHashMap<>();

  /** The shape the files were in, for the summary. */
  String shape;
}
