package org.sanjeh.survey.response;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseException;
import org.springframework.stereotype.Component;

/**
 * What the answer page says about the conversation being rated: when, on which channel, and its
 * subject, from {@code survey_invitations} and the ticket's first message subject. Looked up once
 * per invitation and remembered (bounded, once found); while ClickHouse is down the page simply
 * goes without it, because the question still stands on its own.
 */
@Component
final class InvitationContexts {

  /** The one line of context; {@code subject} may be empty. */
  record Context(Instant resolvedAt, String channel, String subject) {}

  /** What verified links contain: the only text that ever reaches the SQL below. */
  private static final Pattern INVITATION_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

  private static final Pattern TICKET_ID = Pattern.compile("[^'\\\\]{1,200}");
  private static final int MAX_SUBJECT_CHARS = 80;

  private final Warehouse warehouse;
  private final Cache<String, Optional<Context>> known =
      Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(Duration.ofMinutes(10)).build();

  InvitationContexts(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  Optional<Context> of(String invitationId) {
    if (!INVITATION_ID.matcher(invitationId).matches()) {
      return Optional.empty();
    }
    Optional<Context> cached = known.getIfPresent(invitationId);
    if (cached != null) {
      return cached;
    }
    try {
      Optional<Context> found = lookUp(invitationId);
      if (found.isPresent()) {
        known.put(invitationId, found); // not yet known ones are written within a second
      }
      return found;
    } catch (WarehouseException unavailable) {
      return Optional.empty(); // not remembered: the next view tries again
    }
  }

  private Optional<Context> lookUp(String invitationId) {
    List<String[]> invitations =
        warehouse.query(
            "SELECT ticket_id, channel, toUnixTimestamp(invited_at) FROM survey_invitations"
                + " WHERE invitation_id = '"
                + invitationId
                + "' LIMIT 1",
            row -> new String[] {row.getString(1), row.getString(2), row.getString(3)});
    if (invitations.isEmpty()) {
      return Optional.empty();
    }
    String[] invitation = invitations.get(0);
    return Optional.of(
        new Context(
            Instant.ofEpochSecond(Long.parseLong(invitation[2])),
            invitation[1],
            subject(invitation[0])));
  }

  private String subject(String ticketId) {
    if (!TICKET_ID.matcher(ticketId).matches()) {
      return "";
    }
    List<String> subjects =
        warehouse.query(
            "SELECT subject FROM ticket_messages WHERE ticket_id = '"
                + ticketId
                + "' AND subject != '' ORDER BY occurred_at, occurred_at_ms LIMIT 1",
            row -> row.getString(1));
    if (subjects.isEmpty()) {
      return "";
    }
    String subject = subjects.get(0).strip();
    return subject.length() <= MAX_SUBJECT_CHARS
        ? subject
        : subject.substring(0, MAX_SUBJECT_CHARS - 1) + "…";
  }
}
