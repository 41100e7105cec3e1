package org.sanjeh.core.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One thing that happened to a support ticket, on any channel. The unit of the whole platform:
 * ingestion produces these, Kafka carries them keyed by {@link #ticketId}, the warehouse stores
 * them, the streaming and batch jobs read them. The JSON form is documented in {@code
 * docs/event-contract.md} and read and written by {@link TicketEventCodec}.
 *
 * <p>{@link #eventId} is the idempotency key: the same event sent twice is stored once. Timestamps
 * keep millisecond precision; finer digits are dropped.
 *
 * @param eventId idempotency key, unique per event, at most 128 characters
 * @param ticketId the ticket, at most 128 characters
 * @param occurredAt when it happened (not when it was received), millisecond precision
 * @param status the new status for {@link EventType#STATUS_CHANGED}; otherwise the ticket's status
 *     after the event when known, else null
 * @param mergedInto the surviving ticket for {@link EventType#MERGED}, else null
 */
public record TicketEvent(
    String eventId,
    String ticketId,
    Instant occurredAt,
    EventType type,
    Channel channel,
    AuthorRole authorRole,
    String authorId,
    String customerId,
    String agentId,
    String team,
    Priority priority,
    TicketStatus status,
    String customerTier,
    String language,
    String subject,
    String body,
    List<String> tags,
    String sourceSystem,
    String sourceRef,
    String mergedInto) {

  public TicketEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(authorRole, "authorRole");
    occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /**
   * A public reply written by a human agent: the only kind of reply that stops a response clock.
   */
  public boolean isPublicHumanReply() {
    return type == EventType.AGENT_REPLY && authorRole == AuthorRole.AGENT;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .eventId(eventId)
        .ticketId(ticketId)
        .occurredAt(occurredAt)
        .type(type)
        .channel(channel)
        .authorRole(authorRole)
        .authorId(authorId)
        .customerId(customerId)
        .agentId(agentId)
        .team(team)
        .priority(priority)
        .status(status)
        .customerTier(customerTier)
        .language(language)
        .subject(subject)
        .body(body)
        .tags(tags)
        .sourceSystem(sourceSystem)
        .sourceRef(sourceRef)
        .mergedInto(mergedInto);
  }

  /** Builds events field by field; {@link #build()} checks only the required fields. */
  public static final class Builder {
    private String eventId;
    private String ticketId;
    private Instant occurredAt;
    private EventType type;
    private Channel channel;
    private AuthorRole authorRole;
    private String authorId;
    private String customerId;
    private String agentId;
    private String team;
    private Priority priority;
    private TicketStatus status;
    private String customerTier;
    private String language;
    private String subject;
    private String body;
    private List<String> tags = List.of();
    private String sourceSystem;
    private String sourceRef;
    private String mergedInto;

    private Builder() {}

    public Builder eventId(String value) {
      eventId = value;
      return this;
    }

    public Builder ticketId(String value) {
      ticketId = value;
      return this;
    }

    public Builder occurredAt(Instant value) {
      occurredAt = value;
      return this;
    }

    public Builder type(EventType value) {
      type = value;
      return this;
    }

    public Builder channel(Channel value) {
      channel = value;
      return this;
    }

    public Builder authorRole(AuthorRole value) {
      authorRole = value;
      return this;
    }

    public Builder authorId(String value) {
      authorId = value;
      return this;
    }

    public Builder customerId(String value) {
      customerId = value;
      return this;
    }

    public Builder agentId(String value) {
      agentId = value;
      return this;
    }

    public Builder team(String value) {
      team = value;
      return this;
    }

    public Builder priority(Priority value) {
      priority = value;
      return this;
    }

    public Builder status(TicketStatus value) {
      status = value;
      return this;
    }

    public Builder customerTier(String value) {
      customerTier = value;
      return this;
    }

    public Builder language(String value) {
      language = value;
      return this;
    }

    public Builder subject(String value) {
      subject = value;
      return this;
    }

    public Builder body(String value) {
      body = value;
      return this;
    }

    public Builder tags(List<String> value) {
      tags = value;
      return this;
    }

    public Builder sourceSystem(String value) {
      sourceSystem = value;
      return this;
    }

    public Builder sourceRef(String value) {
      sourceRef = value;
      return this;
    }

    public Builder mergedInto(String value) {
      mergedInto = value;
      return this;
    }

    public TicketEvent build() {
      return new TicketEvent(
          eventId,
          ticketId,
          occurredAt,
          type,
          channel,
          authorRole,
          authorId,
          customerId,
          agentId,
          team,
          priority,
          status,
          customerTier,
          language,
          subject,
          body,
          tags,
          sourceSystem,
          sourceRef,
          mergedInto);
    }
  }
}
