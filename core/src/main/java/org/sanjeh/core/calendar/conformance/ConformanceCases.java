package org.sanjeh.core.calendar.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.sanjeh.core.calendar.BusinessCalendar;
import org.sanjeh.core.calendar.CalendarJson;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketStatus;
import org.sanjeh.core.event.WireValue;
import org.sanjeh.core.sla.SlaClock;
import org.sanjeh.core.sla.SlaPolicy;
import org.sanjeh.core.sla.SlaTarget;
import org.sanjeh.core.sla.SlaTargets;
import org.sanjeh.core.sla.TargetReport;

/**
 * Evaluates one conformance case (format: {@code shared/conformance/README.md}) with Sanjeh's
 * engine. It reads the inputs only, never the {@code expected} fields, and answers with the result
 * line the evaluation command prints.
 */
public final class ConformanceCases {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ConformanceCases() {}

  public static ObjectNode evaluate(JsonNode testCase) {
    ObjectNode result = JSON.objectNode();
    result.put("id", testCase.path("id").asText());
    try {
      BusinessCalendar calendar = CalendarJson.read(testCase.get("calendar"));
      String kind = testCase.path("kind").asText();
      switch (kind) {
        case "add" -> result.put("result", format(add(calendar, testCase)));
        case "between" ->
            result.put(
                "result_seconds",
                calendar.between(instant(testCase, "from"), instant(testCase, "to")).toSeconds());
        case "sla" -> result.set("result", sla(calendar, testCase));
        default -> result.put("error", "unsupported: unknown kind '" + kind + "'");
      }
      calendar
          .firstUseOutsideHolidayCoverage()
          .ifPresent(
              date ->
                  result.put("warning", calendar.holidayCoverage().orElseThrow().warning(date)));
    } catch (RuntimeException e) {
      result.put("error", "unsupported: " + e.getMessage());
    }
    return result;
  }

  private static Instant add(BusinessCalendar calendar, JsonNode testCase) {
    Instant start = instant(testCase, "start");
    long seconds = testCase.path("seconds").asLong();
    boolean backward =
        seconds < 0 || (seconds == 0 && "backward".equals(testCase.path("direction").asText()));
    Duration amount = Duration.ofSeconds(Math.abs(seconds));
    return backward ? calendar.subtract(start, amount) : calendar.add(start, amount);
  }

  private static ObjectNode sla(BusinessCalendar calendar, JsonNode testCase) {
    JsonNode policyJson = testCase.get("policy");
    SlaTargets targets =
        SlaTargets.ofMinutes(
            minutes(policyJson, "first_response_minutes"),
            minutes(policyJson, "update_minutes"),
            minutes(policyJson, "resolution_minutes"));
    SlaClock clock = new SlaClock(SlaPolicy.uniform("conformance", targets), calendar);
    List<TicketEvent> events = events(testCase);
    events.forEach(clock::apply);
    Instant now = events.get(events.size() - 1).occurredAt();
    Map<SlaTarget, TargetReport> report = clock.report(now);

    ObjectNode out = JSON.objectNode();
    Instant escalation = null;
    for (SlaTarget target : SlaTarget.values()) {
      String prefix = prefix(target);
      TargetReport r = report.get(target);
      Instant due = openDue(r);
      out.put(prefix + "_due", format(due));
      if (due != null && (escalation == null || due.isBefore(escalation))) {
        escalation = due;
      }
      Long minutes =
          target == SlaTarget.NEXT_RESPONSE ? longestNextResponse(clock) : fulfilledMinutes(r);
      putMinutes(out, prefix, minutes, targets.of(target));
    }
    out.put("escalation_due", format(escalation));
    return out;
  }

  /** The deadline of a target still open and running; a paused or finished one has none. */
  private static Instant openDue(TargetReport r) {
    boolean open =
        r.fulfilledAt() == null
            && switch (r.status()) {
              case RUNNING, BREACHED -> true;
              default -> false;
            };
    return open ? r.dueAt() : null;
  }

  private static Long fulfilledMinutes(TargetReport r) {
    return r.fulfilledAt() == null ? null : r.elapsedBusiness().toMinutes();
  }

  private static Long longestNextResponse(SlaClock clock) {
    return clock.longestNextResponse().map(Duration::toMinutes).orElse(null);
  }

  private static void putMinutes(ObjectNode out, String prefix, Long minutes, Duration target) {
    if (minutes == null) {
      out.putNull(prefix + "_minutes");
      out.putNull(prefix + "_diff_minutes");
      return;
    }
    out.put(prefix + "_minutes", minutes);
    if (target == null) {
      out.putNull(prefix + "_diff_minutes");
    } else {
      out.put(prefix + "_diff_minutes", target.toMinutes() - minutes);
    }
  }

  private static String prefix(SlaTarget target) {
    return switch (target) {
      case FIRST_RESPONSE -> "first_response";
      case NEXT_RESPONSE -> "update";
      case RESOLUTION -> "resolution";
    };
  }

  /** The ticket's creation by the customer, then the case's events in time order. */
  private static List<TicketEvent> events(JsonNode testCase) {
    Instant created = instant(testCase, "created_at");
    List<TicketEvent> events = new ArrayList<>();
    events.add(event("created", created, EventType.TICKET_CREATED, AuthorRole.CUSTOMER, null));
    int n = 0;
    for (JsonNode e : testCase.path("events")) {
      Instant at = Instant.parse(e.path("at").asText());
      String id = "e" + (++n);
      String type = e.path("type").asText();
      events.add(
          switch (type) {
            case "customer_message" ->
                event(id, at, EventType.CUSTOMER_MESSAGE, AuthorRole.CUSTOMER, null);
            case "agent_reply" -> event(id, at, EventType.AGENT_REPLY, AuthorRole.AGENT, null);
            case "status" ->
                event(
                    id,
                    at,
                    EventType.STATUS_CHANGED,
                    AuthorRole.AGENT,
                    WireValue.parse(TicketStatus.class, e.path("to").asText())
                        .orElseThrow(
                            () -> new IllegalArgumentException("unknown status " + e.path("to"))));
            default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
          });
    }
    // The peers' tests list events in the order they applied them; the clock wants event time.
    events.sort(Comparator.comparing(TicketEvent::occurredAt));
    return events;
  }

  private static TicketEvent event(
      String id, Instant at, EventType type, AuthorRole role, TicketStatus status) {
    return TicketEvent.builder()
        .eventId(id)
        .ticketId("case")
        .occurredAt(at)
        .type(type)
        .channel(Channel.EMAIL)
        .authorRole(role)
        .status(status)
        .build();
  }

  private static Integer minutes(JsonNode policy, String field) {
    JsonNode value = policy.path(field);
    return value.isNumber() ? value.intValue() : null;
  }

  private static Instant instant(JsonNode testCase, String field) {
    JsonNode value = testCase.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return Instant.parse(value.textValue());
  }

  private static String format(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
