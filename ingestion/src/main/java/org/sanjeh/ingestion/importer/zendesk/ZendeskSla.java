package org.sanjeh.ingestion.importer.zendesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.sanjeh.core.calendar.CalendarJson;
import org.sanjeh.core.event.Priority;
import org.sanjeh.ingestion.importer.Finding;

/**
 * Zendesk's schedules and SLA policies as Sanjeh business calendars and policy files.
 *
 * <ul>
 *   <li>A schedule (opening intervals in minutes of the week from Sunday 00:00, a Rails zone name,
 *       holidays) becomes a calendar: {@code {"timezone", "hours", "holidays"}}.
 *   <li>A version of an SLA policy (its targets per priority as of {@code sla_policy_updated_at})
 *       becomes a policy file per schedule it is used with: {@code first_reply_time} is {@code
 *       first_response_minutes}, {@code next_reply_time} {@code next_response_minutes}, {@code
 *       agent_work_time} (time in new and open) {@code resolution_minutes}, which pauses in pending
 *       and on-hold just as agent work time does.
 *   <li>Each ticket gets the policy applied to it last ({@code ticket_sla_policy}), in the version
 *       in force then, on the schedule it had then ({@code ticket_schedule}; else the account's
 *       only schedule).
 * </ul>
 *
 * What has no Sanjeh equivalent (requester wait time, periodic and pausable updates, priorities
 * Zendesk does not have, a policy mixing business and calendar hours) is reported as a finding.
 */
final class ZendeskSla {

  static final String NO_EQUIVALENT = "Zendesk SLA feature with no Sanjeh equivalent";
  static final String SCHEDULE_PROBLEM = "schedule that cannot become a calendar";
  static final String UNKNOWN_SCHEDULE = "row for a schedule not in the export";
  static final String UNKNOWN_POLICY = "row for an SLA policy not in the export";
  static final String TICKET_NOT_IN_EXPORT = "row for a ticket not in the export";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String[] DAYS = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  private static final DateTimeFormatter VERSION =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  /** The calendars and policy files, and which policy file each ticket's SLA is measured under. */
  record Plan(
      Map<String, ObjectNode> calendars,
      Map<String, ObjectNode> policies,
      Map<String, String> policyOfTicket) {

    boolean isEmpty() {
      return policies.isEmpty() && calendars.isEmpty();
    }

    static String json(ObjectNode node) {
      try {
        return JSON.writeValueAsString(node) + System.lineSeparator();
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final ZendeskData data;
  private final Consumer<Finding> findings;
  private final Map<String, ObjectNode> calendars = new TreeMap<>();
  private final Map<String, ObjectNode> policies = new TreeMap<>();
  private final Map<String, String> policyOfTicket = new TreeMap<>();

  private ZendeskSla(ZendeskData data, Consumer<Finding> findings) {
    this.data = data;
    this.findings = findings;
  }

  static Plan plan(ZendeskData data, Consumer<Finding> findings) {
    ZendeskSla sla = new ZendeskSla(data, findings);
    sla.calendars();
    sla.assign();
    return new Plan(sla.calendars, sla.policies, sla.policyOfTicket);
  }

  // --- schedules --------------------------------------------------------------------------------

  private void calendars() {
    Map<String, List<ZendeskData.Holiday>> holidays = new LinkedHashMap<>();
    for (ZendeskData.Holiday holiday : data.holidays) {
      if (!data.schedules.containsKey(holiday.scheduleId())) {
        findings.accept(
            Finding.rejected(
                UNKNOWN_SCHEDULE,
                holiday.origin().where(),
                "holiday \"%s\" (%s to %s) belongs to schedule_id=\"%s\", which is not in the schedule table (it has %s)"
                    .formatted(
                        holiday.name(),
                        holiday.start(),
                        holiday.end(),
                        holiday.scheduleId(),
                        data.schedules.keySet()),
                holiday.origin().raw()));
        continue;
      }
      holidays.computeIfAbsent(holiday.scheduleId(), k -> new ArrayList<>()).add(holiday);
    }
    for (ZendeskData.Schedule schedule : data.schedules.values()) {
      calendar(schedule, holidays.getOrDefault(schedule.id(), List.of()))
          .ifPresent(c -> calendars.put(schedule.id(), c));
    }
  }

  private Optional<ObjectNode> calendar(
      ZendeskData.Schedule schedule, List<ZendeskData.Holiday> holidays) {
    Optional<ZoneId> zone = RailsTimeZones.zone(schedule.timeZone());
    if (zone.isEmpty()) {
      findings.accept(
          Finding.rejected(
              SCHEDULE_PROBLEM,
              schedule.origin().where(),
              "schedule %s \"%s\": time_zone=\"%s\" is neither a Rails zone name nor an IANA zone"
                  .formatted(schedule.id(), schedule.name(), schedule.timeZone()),
              schedule.origin().raw()));
      return Optional.empty();
    }
    ObjectNode calendar = JSON.createObjectNode();
    calendar.put("timezone", zone.get().getId());
    ObjectNode hours = calendar.putObject("hours");
    Map<Integer, List<int[]>> byDay = new TreeMap<>();
    for (ZendeskData.Interval interval :
        schedule.intervals().stream()
            .sorted(Comparator.comparingInt(ZendeskData.Interval::startMinute))
            .toList()) {
      // an interval may run past midnight: split it at each day's end
      for (int start = interval.startMinute(); start < interval.endMinute(); ) {
        int day = start / 1440;
        int end = Math.min(interval.endMinute(), (day + 1) * 1440);
        byDay
            .computeIfAbsent(day % 7, k -> new ArrayList<>())
            .add(new int[] {start - day * 1440, end - day * 1440});
        start = end;
      }
    }
    for (var day : byDay.entrySet()) {
      ArrayNode intervals = hours.putArray(DAYS[day.getKey()]);
      for (int[] span : day.getValue()) {
        intervals.addArray().add(clock(span[0])).add(clock(span[1]));
      }
    }
    ArrayNode dates = calendar.putArray("holidays");
    for (ZendeskData.Holiday holiday : holidays) {
      for (LocalDate d = holiday.start(); !d.isAfter(holiday.end()); d = d.plusDays(1)) {
        dates.add(d.toString());
      }
    }
    try {
      CalendarJson.read(calendar);
    } catch (RuntimeException e) {
      findings.accept(
          Finding.rejected(
              SCHEDULE_PROBLEM,
              schedule.origin().where(),
              "schedule %s \"%s\": %s".formatted(schedule.id(), schedule.name(), e.getMessage()),
              schedule.origin().raw()));
      return Optional.empty();
    }
    return Optional.of(calendar);
  }

  private static String clock(int minuteOfDay) {
    return "%02d:%02d".formatted(minuteOfDay / 60, minuteOfDay % 60);
  }

  // --- policies and which ticket gets which ----------------------------------------------------

  private void assign() {
    Map<String, List<ZendeskData.PolicyMetric>> metricsByPolicy =
        data.policyMetrics.stream()
            .collect(
                Collectors.groupingBy(
                    ZendeskData.PolicyMetric::policyId, LinkedHashMap::new, Collectors.toList()));
    Map<String, List<ZendeskData.Assignment>> policyHistory =
        history(data.ticketPolicies, metricsByPolicy.keySet(), UNKNOWN_POLICY, "sla_policy_id");
    Map<String, List<ZendeskData.Assignment>> scheduleHistory =
        history(data.ticketSchedules, data.schedules.keySet(), UNKNOWN_SCHEDULE, "schedule_id");
    for (String ticketId : data.tickets.keySet()) {
      List<ZendeskData.Assignment> applied = policyHistory.get(ticketId);
      if (applied == null) {
        continue;
      }
      ZendeskData.Assignment last = applied.get(applied.size() - 1);
      if (applied.stream().map(ZendeskData.Assignment::id).distinct().count() > 1) {
        findings.accept(
            Finding.found(
                NO_EQUIVALENT,
                last.origin().where(),
                "ticket %s was under SLA policies %s in turn; Sanjeh measures a ticket under one policy: the last, %s"
                    .formatted(
                        ticketId,
                        applied.stream().map(ZendeskData.Assignment::id).toList(),
                        last.id()),
                last.origin().raw()));
      }
      List<ZendeskData.PolicyMetric> version = versionAt(metricsByPolicy.get(last.id()), last.at());
      String scheduleId = scheduleAt(scheduleHistory.get(ticketId), last.at());
      String name = policyFor(last.id(), version, scheduleId);
      if (name != null) {
        policyOfTicket.put(ticketId, name);
      }
    }
  }

  /** Assignments per ticket in time order, leaving out (and reporting) what cannot be placed. */
  private Map<String, List<ZendeskData.Assignment>> history(
      List<ZendeskData.Assignment> rows,
      java.util.Set<String> known,
      String unknownCheck,
      String column) {
    Map<String, List<ZendeskData.Assignment>> byTicket = new LinkedHashMap<>();
    for (ZendeskData.Assignment row : rows) {
      if (!data.tickets.containsKey(row.ticketId())) {
        findings.accept(
            Finding.rejected(
                TICKET_NOT_IN_EXPORT,
                row.origin().where(),
                "ticket_id=\"%s\" is not in the ticket table (%s=\"%s\")"
                    .formatted(row.ticketId(), column, row.id()),
                row.origin().raw()));
      } else if (!known.contains(row.id())) {
        findings.accept(
            Finding.rejected(
                unknownCheck,
                row.origin().where(),
                "%s=\"%s\" of ticket %s is not in the export (it has %s)"
                    .formatted(column, row.id(), row.ticketId(), known),
                row.origin().raw()));
      } else {
        byTicket.computeIfAbsent(row.ticketId(), k -> new ArrayList<>()).add(row);
      }
    }
    byTicket.values().forEach(l -> l.sort(Comparator.comparing(ZendeskData.Assignment::at)));
    return byTicket;
  }

  /** The policy's targets as they were at {@code at}: the latest version not after it. */
  private static List<ZendeskData.PolicyMetric> versionAt(
      List<ZendeskData.PolicyMetric> metrics, Instant at) {
    Instant chosen = null;
    Instant earliest = null;
    for (ZendeskData.PolicyMetric m : metrics) {
      if (!m.version().isAfter(at) && (chosen == null || m.version().isAfter(chosen))) {
        chosen = m.version();
      }
      if (earliest == null || m.version().isBefore(earliest)) {
        earliest = m.version();
      }
    }
    Instant version = chosen != null ? chosen : earliest;
    return metrics.stream().filter(m -> m.version().equals(version)).toList();
  }

  private String scheduleAt(List<ZendeskData.Assignment> history, Instant at) {
    if (history != null) {
      ZendeskData.Assignment chosen = history.get(0);
      for (ZendeskData.Assignment a : history) {
        if (!a.at().isAfter(at)) {
          chosen = a;
        }
      }
      return chosen.id();
    }
    // Zendesk measures a ticket without a schedule of its own on the account's default schedule;
    // the export does not say which that is unless there is only one
    return data.schedules.size() == 1 ? data.schedules.keySet().iterator().next() : null;
  }

  private final java.util.Set<String> reported = new java.util.HashSet<>();

  /** The policy file's name for this version on this schedule, written once; null if none. */
  private String policyFor(
      String policyId, List<ZendeskData.PolicyMetric> metrics, String scheduleId) {
    boolean businessHours = metrics.stream().anyMatch(ZendeskData.PolicyMetric::businessHours);
    Instant version = metrics.get(0).version();
    String calendarKey = businessHours ? scheduleId : null;
    if (businessHours && (scheduleId == null || !calendars.containsKey(scheduleId))) {
      reportOnce(
          "calendar:" + policyId + ":" + scheduleId,
          Finding.found(
              NO_EQUIVALENT,
              metrics.get(0).origin().where(),
              "SLA policy %s counts business hours but the ticket's schedule is %s; measured 24/7 in UTC instead"
                  .formatted(
                      policyId,
                      scheduleId == null
                          ? "unknown (the export has " + data.schedules.size() + " schedules)"
                          : "\"" + scheduleId + "\", which could not become a calendar"),
              metrics.get(0).origin().raw()));
      calendarKey = null;
    }
    String name =
        "zendesk-sla-%s-%s-%s"
            .formatted(
                policyId, VERSION.format(version), calendarKey == null ? "24x7" : calendarKey);
    if (policies.containsKey(name)) {
      return name;
    }
    ObjectNode policy = JSON.createObjectNode();
    policy.put("name", name);
    if (calendarKey == null) {
      ObjectNode always = policy.putObject("calendar");
      always.put("timezone", "UTC");
      always.put("hours", "always");
      policy.put("business_time", false);
    } else {
      policy.set("calendar", calendars.get(calendarKey).deepCopy());
      policy.put("business_time", true);
    }
    if (metrics.stream().map(ZendeskData.PolicyMetric::businessHours).distinct().count() > 1) {
      reportOnce(
          "mixed:" + name,
          Finding.found(
              NO_EQUIVALENT,
              metrics.get(0).origin().where(),
              "SLA policy %s (version %s) counts some targets in business hours and others in calendar hours; a Sanjeh policy counts all one way: business hours"
                  .formatted(policyId, version),
              metrics.get(0).origin().raw()));
    }
    Map<Priority, ObjectNode> rules = new TreeMap<>();
    boolean agentWork = false;
    for (ZendeskData.PolicyMetric metric : metrics) {
      Priority priority = Fields.priority(metric.priority());
      String target =
          switch (metric.metric()) {
            case "first_reply_time" -> "first_response_minutes";
            case "next_reply_time" -> "next_response_minutes";
            case "agent_work_time" -> "resolution_minutes";
            default -> null;
          };
      if (priority == null || target == null) {
        reportOnce(
            "metric:" + policyId + ":" + version + ":" + metric.metric() + ":" + metric.priority(),
            Finding.found(
                NO_EQUIVALENT,
                metric.origin().where(),
                priority == null
                    ? "SLA policy %s: priority=\"%s\" is not a Zendesk priority (low, normal, high, urgent); its %s target of %d min is not imported"
                        .formatted(
                            policyId, metric.priority(), metric.metric(), metric.targetMinutes())
                    : "SLA policy %s: metric=\"%s\" (%s, %d min) %s"
                        .formatted(
                            policyId,
                            metric.metric(),
                            metric.priority(),
                            metric.targetMinutes(),
                            whyNot(metric.metric())),
                metric.origin().raw()));
        continue;
      }
      agentWork |= target.equals("resolution_minutes");
      ObjectNode rule = rules.computeIfAbsent(priority, p -> JSON.createObjectNode());
      rule.put(target, metric.targetMinutes());
    }
    if (rules.isEmpty()) {
      return null;
    }
    policy.put("at_risk_share", 0.75);
    ArrayNode pausing = policy.putArray("pausing_statuses");
    if (agentWork) {
      // agent work time is time in new and open: pending and on-hold stop it, as in Sanjeh
      pausing.add("pending").add("on_hold");
    }
    // without an agent work target nothing pauses: Zendesk's reply-time targets run in pending too
    ArrayNode ruleNodes = policy.putArray("rules");
    for (var rule :
        rules.entrySet().stream()
            .sorted(Map.Entry.comparingByKey(Comparator.reverseOrder()))
            .toList()) {
      ObjectNode node = ruleNodes.addObject();
      node.putArray("priorities").add(rule.getKey().wire());
      node.setAll(rule.getValue());
    }
    policies.put(name, policy);
    return name;
  }

  private static String whyNot(String metric) {
    return switch (metric) {
      case "requester_wait_time" ->
          "has no Sanjeh target: Sanjeh's resolution pauses in on-hold as well as pending, Zendesk's requester wait keeps counting on-hold; not imported";
      case "periodic_update_time" ->
          "has no Sanjeh target (replay reports periodic updates, but no policy sets one); not imported";
      case "pausable_update_time" -> "has no Sanjeh target; not imported";
      default -> "is not a Zendesk SLA metric Sanjeh knows; not imported";
    };
  }

  private void reportOnce(String key, Finding finding) {
    if (reported.add(key)) {
      findings.accept(finding);
    }
  }
}
