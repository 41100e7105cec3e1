package org.sanjeh.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one JSON object into a {@link TicketEvent}, collecting every field error on the way. */
final class EventReader {

  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

  /** Which author roles may write which message types; other types accept any role. */
  private static final Set<AuthorRole> REPLY_AUTHORS =
      EnumSet.of(AuthorRole.AGENT, AuthorRole.SYSTEM);

  private final TopLevelFields root;
  private final CodecLimits limits;
  private final List<FieldError> errors = new ArrayList<>();

  EventReader(TopLevelFields root, CodecLimits limits) {
    this.root = root;
    this.limits = limits;
  }

  DecodeResult read() {
    String eventId = identifier(Fields.EVENT_ID, true);
    String ticketId = identifier(Fields.TICKET_ID, true);
    Instant occurredAt = instant(Fields.OCCURRED_AT);
    EventType type = wireValue(Fields.TYPE, EventType.class, true);
    Channel channel = wireValue(Fields.CHANNEL, Channel.class, true);
    AuthorRole authorRole = wireValue(Fields.AUTHOR_ROLE, AuthorRole.class, true);
    TicketStatus status = wireValue(Fields.STATUS, TicketStatus.class, false);
    String mergedInto = identifier(Fields.MERGED_INTO, false);
    TicketEvent.Builder event =
        TicketEvent.builder()
            .eventId(eventId)
            .ticketId(ticketId)
            .occurredAt(occurredAt)
            .type(type)
            .channel(channel)
            .authorRole(authorRole)
            .authorId(identifier(Fields.AUTHOR_ID, false))
            .customerId(identifier(Fields.CUSTOMER_ID, false))
            .agentId(identifier(Fields.AGENT_ID, false))
            .team(label(Fields.TEAM))
            .priority(wireValue(Fields.PRIORITY, Priority.class, false))
            .status(status)
            .customerTier(label(Fields.CUSTOMER_TIER))
            .language(language())
            .subject(subject())
            .body(body())
            .tags(tags())
            .sourceSystem(label(Fields.SOURCE_SYSTEM))
            .sourceRef(label(Fields.SOURCE_REF))
            .mergedInto(mergedInto);
    checkConsistency(type, authorRole, status, mergedInto);
    return errors.isEmpty() ? DecodeResult.accepted(event.build()) : DecodeResult.rejected(errors);
  }

  private void checkConsistency(
      EventType type, AuthorRole role, TicketStatus status, String mergedInto) {
    if (type == null) {
      return;
    }
    if (type == EventType.STATUS_CHANGED && status == null && !root.has(Fields.STATUS)) {
      missing(Fields.STATUS, "a status_changed event must say the new status");
    }
    if (type == EventType.MERGED && mergedInto == null && !root.has(Fields.MERGED_INTO)) {
      missing(Fields.MERGED_INTO, "a merged event must name the ticket it was merged into");
    }
    if (role == null) {
      return;
    }
    if (type == EventType.CUSTOMER_MESSAGE && role != AuthorRole.CUSTOMER) {
      roleMismatch(type, role, "customer");
    } else if (type == EventType.AGENT_REPLY && !REPLY_AUTHORS.contains(role)) {
      roleMismatch(type, role, "agent (a person) or system (an auto-reply)");
    } else if (type == EventType.BOT_MESSAGE && role != AuthorRole.BOT) {
      roleMismatch(type, role, "bot");
    }
  }

  private void roleMismatch(EventType type, AuthorRole role, String expected) {
    errors.add(
        new FieldError(
            Fields.AUTHOR_ROLE,
            role.wire(),
            "a " + type.wire() + " event must have author_role " + expected));
  }

  private String identifier(String field, boolean required) {
    JsonNode node = present(field, required);
    if (node == null) {
      return null;
    }
    String value;
    if (node.isTextual()) {
      value = node.textValue();
    } else if (node.isIntegralNumber()) {
      value = node.asText();
    } else {
      wrongType(field, node, "a string (or an integer id)");
      return null;
    }
    if (value.isBlank()) {
      errors.add(new FieldError(field, value, "must not be blank"));
      return null;
    }
    if (value.length() > limits.maxIdChars()) {
      tooLong(field, value, limits.maxIdChars() + " characters");
      return null;
    }
    if (hasControlCharacter(value)) {
      errors.add(new FieldError(field, value, "must not contain control characters"));
      return null;
    }
    return value;
  }

  private Instant instant(String field) {
    JsonNode node = present(field, true);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      wrongType(field, node, "an ISO-8601 timestamp string such as 2024-01-17T12:00:00Z");
      return null;
    }
    try {
      return TicketEventCodec.parseInstant(node.textValue());
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              field,
              node.textValue(),
              "not an ISO-8601 timestamp with an offset; use e.g. 2024-01-17T12:00:00Z or"
                  + " 2024-01-17T15:30:00+03:30"));
      return null;
    }
  }

  private <E extends Enum<E> & WireValue> E wireValue(
      String field, Class<E> type, boolean required) {
    JsonNode node = present(field, required);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      wrongType(field, node, "a string, one of " + WireValue.allowed(type));
      return null;
    }
    return WireValue.parse(type, node.textValue())
        .orElseGet(
            () -> {
              errors.add(
                  new FieldError(
                      field,
                      node.textValue(),
                      "unknown value; expected one of " + WireValue.allowed(type)));
              return null;
            });
  }

  private String label(String field) {
    return boundedText(field, limits.maxLabelChars());
  }

  private String subject() {
    return boundedText(Fields.SUBJECT, limits.maxSubjectChars());
  }

  private String boundedText(String field, int maxChars) {
    JsonNode node = present(field, false);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      wrongType(field, node, "a string");
      return null;
    }
    if (node.textValue().length() > maxChars) {
      tooLong(field, node.textValue(), maxChars + " characters");
      return null;
    }
    return node.textValue();
  }

  private String body() {
    JsonNode node = present(Fields.BODY, false);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      wrongType(Fields.BODY, node, "a string");
      return null;
    }
    int bytes = node.textValue().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > limits.maxBodyBytes()) {
      errors.add(
          new FieldError(
              Fields.BODY,
              node.textValue(),
              "is %d bytes of UTF-8, over the limit of %d; keep the full text in the source system and send a shortened body"
                  .formatted(bytes, limits.maxBodyBytes())));
      return null;
    }
    return node.textValue();
  }

  private String language() {
    String value = boundedText(Fields.LANGUAGE, 35);
    if (value != null && !LANGUAGE_TAG.matcher(value).matches()) {
      errors.add(
          new FieldError(Fields.LANGUAGE, value, "not a BCP 47 language tag such as fa or en-GB"));
      return null;
    }
    return value;
  }

  private List<String> tags() {
    JsonNode node = present(Fields.TAGS, false);
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      wrongType(Fields.TAGS, node, "an array of strings");
      return List.of();
    }
    if (node.size() > limits.maxTags()) {
      errors.add(
          new FieldError(
              Fields.TAGS,
              node.size() + " tags",
              "too many tags; at most " + limits.maxTags() + " are allowed"));
      return List.of();
    }
    List<String> tags = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      String tagField = Fields.TAGS + "[" + i + "]";
      JsonNode tag = node.get(i);
      if (!tag.isTextual()) {
        wrongType(tagField, tag, "a string");
      } else if (tag.textValue().length() > limits.maxTagChars()) {
        tooLong(tagField, tag.textValue(), limits.maxTagChars() + " characters");
      } else {
        tags.add(tag.textValue());
      }
    }
    return tags;
  }

  /** The field's node, or null when it is absent or JSON null (an error if required). */
  private JsonNode present(String field, boolean required) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        missing(field, "required field is missing");
      }
      return null;
    }
    return node;
  }

  private void missing(String field, String reason) {
    errors.add(new FieldError(field, null, reason));
  }

  private void wrongType(String field, JsonNode node, String expected) {
    errors.add(
        new FieldError(
            field,
            node.toString(),
            "expected " + expected + ", got " + node.getNodeType().name().toLowerCase()));
  }

  private void tooLong(String field, String value, String limit) {
    errors.add(new FieldError(field, value, "too long; at most " + limit));
  }

  /** A plain loop: this runs for every id of every event (a stream here showed in profiles). */
  private static boolean hasControlCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
