package org.sanjeh.ingestion.importer.zendesk;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.Priority;
import org.sanjeh.core.event.TicketStatus;

/** Zendesk's values and what they are in Sanjeh's event contract. */
final class Fields {

  /** Ticket fields whose changes become events. */
  static final Set<String> KNOWN = Set.of("status", "priority", "group_id", "assignee_id", "tags");

  static final List<String> STATUSES =
      List.of("new", "open", "pending", "hold", "solved", "closed", "deleted");
  static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");

  private static final Map<String, String> WHY_NOT =
      Map.of(
          "requester_id",
              "the requester is the ticket's customer_id; Sanjeh has no event for changing it",
          "submitter_id", "Sanjeh has no event for changing who submitted a ticket",
          "organization_id", "Sanjeh has no organizations",
          "brand_id", "Sanjeh has no brands",
          "type", "Sanjeh has no ticket types (question, incident, problem, task)",
          "subject", "Sanjeh keeps the subject a ticket was created with",
          "due_at", "Sanjeh has no due dates; SLA deadlines come from the policy");

  /**
   * Zendesk's {@code via.channel} values. Those that are not a way the customer talked to the team
   * (rules, merges, closed-ticket follow-ups) are {@code other}.
   */
  private static final Map<String, Channel> CHANNELS =
      Map.ofEntries(
          Map.entry("email", Channel.EMAIL),
          Map.entry("web", Channel.WEB_FORM),
          Map.entry("web_form", Channel.WEB_FORM),
          Map.entry("web_widget", Channel.WEB_FORM),
          Map.entry("help_center", Channel.WEB_FORM),
          Map.entry("api", Channel.API),
          Map.entry("chat", Channel.CHAT),
          Map.entry("chat_transcript", Channel.CHAT),
          Map.entry("native_messaging", Channel.CHAT),
          Map.entry("messaging", Channel.CHAT),
          Map.entry("mobile_sdk", Channel.CHAT),
          Map.entry("sdk", Channel.CHAT),
          Map.entry("voice", Channel.PHONE),
          Map.entry("phone", Channel.PHONE),
          Map.entry("phone_call_inbound", Channel.PHONE),
          Map.entry("phone_call_outbound", Channel.PHONE),
          Map.entry("voicemail", Channel.PHONE),
          Map.entry("sms", Channel.SMS),
          Map.entry("text", Channel.SMS),
          Map.entry("twitter", Channel.X),
          Map.entry("twitter_dm", Channel.X),
          Map.entry("x", Channel.X),
          Map.entry("instagram", Channel.INSTAGRAM),
          Map.entry("instagram_dm", Channel.INSTAGRAM),
          Map.entry("whatsapp", Channel.WHATSAPP),
          Map.entry("telegram", Channel.TELEGRAM),
          Map.entry("facebook", Channel.OTHER),
          Map.entry("facebook_post", Channel.OTHER),
          Map.entry("facebook_message", Channel.OTHER),
          Map.entry("mobile", Channel.OTHER),
          Map.entry("rule", Channel.OTHER),
          Map.entry("closed_ticket", Channel.OTHER),
          Map.entry("side_conversation", Channel.OTHER),
          Map.entry("sample_ticket", Channel.OTHER),
          Map.entry("linked_problem", Channel.OTHER),
          Map.entry("any_channel", Channel.OTHER),
          Map.entry("line", Channel.OTHER),
          Map.entry("wechat", Channel.OTHER),
          Map.entry("viber", Channel.OTHER),
          Map.entry("google_rcs", Channel.OTHER));

  private Fields() {}

  static String whyNot(String field) {
    return WHY_NOT.getOrDefault(
        field,
        "custom and other ticket fields have no Sanjeh event; only status, priority, group, assignee and tags do");
  }

  /** Zendesk's status; {@code deleted} is an event of its own, not a status. Null if unknown. */
  static TicketStatus status(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "new" -> TicketStatus.NEW;
      case "open" -> TicketStatus.OPEN;
      case "pending" -> TicketStatus.PENDING;
      case "hold", "on-hold", "on_hold", "on hold" -> TicketStatus.ON_HOLD;
      case "solved" -> TicketStatus.SOLVED;
      case "closed" -> TicketStatus.CLOSED;
      default -> null;
    };
  }

  static Priority priority(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "low" -> Priority.LOW;
      case "normal" -> Priority.NORMAL;
      case "high" -> Priority.HIGH;
      case "urgent" -> Priority.URGENT;
      default -> null;
    };
  }

  /** An end-user is the customer; agents and admins (and custom agent roles) are the team. */
  static AuthorRole role(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "end-user", "end_user", "enduser" -> AuthorRole.CUSTOMER;
      case "agent", "admin", "light-agent", "light_agent" -> AuthorRole.AGENT;
      default -> null;
    };
  }

  /** Null for a value not in the table (reported, imported as other). */
  static Channel channel(String via) {
    return CHANNELS.get(via.strip().toLowerCase(Locale.ROOT));
  }
}
