package org.sanjeh.ingestion.importer.zendesk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.Priority;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.core.event.TicketStatus;
import org.sanjeh.ingestion.importer.Finding;

/**
 * Turns a {@link ZendeskData} into ticket events, one ticket at a time, as it happened:
 *
 * <ul>
 *   <li>{@code ticket_created} at the ticket's creation, with the status, priority, group and
 *       assignee the field history gives AT that moment; the ticket's current values (the ticket
 *       table's {@code status}, {@code priority}) are never stamped on its creation;
 *   <li>each later field change as its own event at its time: {@code status_changed} (or {@code
 *       deleted}), {@code priority_changed}, {@code assigned} (group → team, assignee → agent);
 *   <li>each comment with its author's role from the user table: an end-user writes a {@code
 *       customer_message}, an agent or admin an {@code agent_reply}, a private comment is an {@code
 *       internal_note}; the first comment, written with the ticket, is the ticket's own text;
 *   <li>today's status, when the history does not end there, at the ticket's last update (noted);
 *       today's tags as a {@code tags_changed} at the last update (noted); merges from {@code
 *       merged_ticket_ids} on the merged ticket at its last update.
 * </ul>
 *
 * Everything that cannot be placed is a finding with its values: rows for tickets the export lacks,
 * changes dated before their ticket's creation, unknown values, users referred to but missing.
 */
final class ZendeskEvents {

  static final String SOURCE_SYSTEM = "zendesk";

  /** A first comment this close to the ticket's creation is the text the ticket was opened with. */
  private static final Duration OPENING_COMMENT = Duration.ofSeconds(5);

  static final String NOT_IN_EXPORT = "row for a ticket not in the export";
  static final String COMMENT_NOT_IN_EXPORT = "comment for a ticket not in the export";
  static final String BEFORE_CREATION = "event dated before its ticket was created";
  static final String UNKNOWN_VALUE = "value Sanjeh does not know";
  static final String MISSING_AUTHOR = "comment by a user not in the user table";
  static final String MISSING_USER = "user referred to but not in the user table";
  static final String DUPLICATE = "duplicate row";
  static final String NO_EQUIVALENT = "field with no Sanjeh event";
  static final String TODAYS_VALUE = "today's value with no history";
  static final String MERGED_MISSING = "merged ticket not in the export";
  static final String UNKNOWN_CHANNEL = "channel Sanjeh does not know";

  private final ZendeskData data;
  private final Consumer<Finding> findings;
  private final List<TicketEvent> events = new ArrayList<>();

  /** Missing user id to where it was referred to (the first few) and how often. */
  private final Map<String, List<String>> missingUsers = new TreeMap<>();

  private final Map<String, Integer> missingUserCounts = new HashMap<>();

  private ZendeskEvents(ZendeskData data, Consumer<Finding> findings) {
    this.data = data;
    this.findings = findings;
  }

  /** The events, each ticket's in the order they happened. */
  static List<TicketEvent> build(ZendeskData data, Consumer<Finding> findings) {
    ZendeskEvents builder = new ZendeskEvents(data, findings);
    builder.run();
    return builder.events;
  }

  private void run() {
    Map<String, List<ZendeskData.Change>> changes = changesByTicket();
    Map<String, List<ZendeskData.Comment>> comments = commentsByTicket();
    Map<String, Set<String>> tags = tagsByTicket();
    Map<String, Instant> lastEventAt = new HashMap<>();
    for (ZendeskData.Ticket ticket : data.tickets.values()) {
      Instant last =
          ticket(
              ticket,
              changes.getOrDefault(ticket.id(), List.of()),
              comments.getOrDefault(ticket.id(), List.of()),
              tags.getOrDefault(ticket.id(), Set.of()));
      lastEventAt.put(ticket.id(), last);
    }
    merges(lastEventAt);
    reportMissingUsers();
  }

  // --- grouping, with the checks that need the whole export -------------------------------------

  /** What makes two field-history rows the same change. */
  private record ChangeKey(String ticketId, String field, Instant at, String value) {}

  private Map<String, List<ZendeskData.Change>> changesByTicket() {
    Map<String, List<ZendeskData.Change>> byTicket = new HashMap<>();
    Map<ChangeKey, ZendeskData.Change> seen = new HashMap<>();
    for (ZendeskData.Change change : data.changes) {
      ZendeskData.Change first =
          seen.putIfAbsent(
              new ChangeKey(change.ticketId(), change.field(), change.at(), change.value()),
              change);
      if (first != null) {
        findings.accept(
            Finding.skipped(
                DUPLICATE,
                change.origin().where(),
                "the same change as %s (ticket %s, %s=\"%s\" at %s): imported once"
                    .formatted(
                        first.origin().where(),
                        change.ticketId(),
                        change.field(),
                        change.value(),
                        change.at()),
                change.origin().raw()));
        continue;
      }
      if (!data.tickets.containsKey(change.ticketId())) {
        findings.accept(
            Finding.rejected(
                NOT_IN_EXPORT,
                change.origin().where(),
                "ticket_id=\"%s\" is not in the ticket table (%s=\"%s\" at %s)"
                    .formatted(change.ticketId(), change.field(), change.value(), change.at()),
                change.origin().raw()));
        continue;
      }
      byTicket.computeIfAbsent(change.ticketId(), k -> new ArrayList<>()).add(change);
    }
    byTicket.values().forEach(list -> list.sort(Comparator.comparing(ZendeskData.Change::at)));
    return byTicket;
  }

  private Map<String, List<ZendeskData.Comment>> commentsByTicket() {
    Map<String, List<ZendeskData.Comment>> byTicket = new HashMap<>();
    Set<String> seen = new java.util.HashSet<>();
    for (ZendeskData.Comment comment : data.comments) {
      if (!seen.add(comment.id())) {
        findings.accept(
            Finding.skipped(
                DUPLICATE,
                comment.origin().where(),
                "comment id=\"%s\" appears again: imported once".formatted(comment.id()),
                comment.origin().raw()));
        continue;
      }
      List<String> problems = new ArrayList<>();
      String check = null;
      if (!data.tickets.containsKey(comment.ticketId())) {
        problems.add("ticket_id=\"%s\" is not in the ticket table".formatted(comment.ticketId()));
        check = COMMENT_NOT_IN_EXPORT;
      }
      ZendeskData.User author = data.users.get(comment.authorId());
      if (author != null && Fields.role(author.role()) == null) {
        problems.add(
            "role=\"%s\" of user %s is neither end-user, agent nor admin"
                .formatted(author.role(), author.id()));
        check = check == null ? UNKNOWN_VALUE : check;
      }
      if (author == null) {
        missingUser(comment.authorId(), comment.origin().where() + " (comment author)");
        problems.add(
            "user_id=\"%s\" is not in the user table, so whether a customer or an agent wrote it is unknown"
                .formatted(comment.authorId()));
        check = check == null ? MISSING_AUTHOR : check;
      }
      if (check != null) {
        findings.accept(
            Finding.rejected(
                check,
                comment.origin().where(),
                "comment " + comment.id() + ": " + String.join("; ", problems),
                comment.origin().raw()));
        continue;
      }
      byTicket.computeIfAbsent(comment.ticketId(), k -> new ArrayList<>()).add(comment);
    }
    byTicket.values().forEach(list -> list.sort(Comparator.comparing(ZendeskData.Comment::at)));
    return byTicket;
  }

  private Map<String, Set<String>> tagsByTicket() {
    Map<String, Set<String>> byTicket = new HashMap<>();
    for (ZendeskData.Tag tag : data.tags) {
      if (!data.tickets.containsKey(tag.ticketId())) {
        findings.accept(
            Finding.rejected(
                NOT_IN_EXPORT,
                tag.origin().where(),
                "ticket_id=\"%s\" is not in the ticket table (tag \"%s\")"
                    .formatted(tag.ticketId(), tag.tag()),
                tag.origin().raw()));
        continue;
      }
      if (!byTicket.computeIfAbsent(tag.ticketId(), k -> new LinkedHashSet<>()).add(tag.tag())) {
        findings.accept(
            Finding.skipped(
                DUPLICATE,
                tag.origin().where(),
                "tag \"%s\" of ticket %s appears again: imported once"
                    .formatted(tag.tag(), tag.ticketId()),
                tag.origin().raw()));
      }
    }
    for (ZendeskData.Ticket ticket : data.tickets.values()) {
      if (!ticket.tags().isEmpty()) {
        byTicket.computeIfAbsent(ticket.id(), k -> new LinkedHashSet<>()).addAll(ticket.tags());
      }
    }
    return byTicket;
  }

  // --- one ticket -------------------------------------------------------------------------------

  /** What is known of the ticket at a moment, carried on its events. */
  private static final class State {
    TicketStatus status;
    boolean deleted;
    Priority priority;
    String team;
    String agent;
    final Set<String> fieldsWithHistory = new java.util.HashSet<>();
  }

  /** Returns the time of the ticket's last event. */
  private Instant ticket(
      ZendeskData.Ticket ticket,
      List<ZendeskData.Change> changes,
      List<ZendeskData.Comment> comments,
      Set<String> tags) {
    Channel channel = channel(ticket);
    State state = new State();
    Instant created = ticket.createdAt();
    noteUser(ticket.requesterId(), ticket.origin().where() + " (requester)");
    noteUser(ticket.submitterId(), ticket.origin().where() + " (submitter)");

    List<ZendeskData.Change> later = new ArrayList<>();
    for (ZendeskData.Change change : changes) {
      if (!Fields.KNOWN.contains(change.field())) {
        findings.accept(
            Finding.skipped(
                NO_EQUIVALENT,
                change.origin().where(),
                "%s=\"%s\" of ticket %s: %s"
                    .formatted(
                        change.field(),
                        change.value(),
                        change.ticketId(),
                        Fields.whyNot(change.field())),
                change.origin().raw()));
      } else if (change.at().isBefore(created)) {
        findings.accept(
            Finding.rejected(
                BEFORE_CREATION,
                change.origin().where(),
                "%s=\"%s\" at %s is %s before ticket %s was created (%s)"
                    .formatted(
                        change.field(),
                        change.value(),
                        change.at(),
                        human(Duration.between(change.at(), created)),
                        ticket.id(),
                        created),
                change.origin().raw()));
      } else if (change.at().equals(created)) {
        if (apply(state, change, ticket)) {
          state.fieldsWithHistory.add(change.field());
        }
      } else {
        later.add(change);
      }
    }

    ZendeskData.Comment opening = null;
    if (!comments.isEmpty()
        && !comments.get(0).at().isAfter(created.plus(OPENING_COMMENT))
        && comments.get(0).isPublic()) {
      opening = comments.get(0);
    }
    AuthorRole creator = creatorRole(ticket, opening);
    TicketEvent.Builder createdEvent =
        base(ticket, channel, state, created)
            .eventId("zendesk:ticket:" + ticket.id() + ":created")
            .type(EventType.TICKET_CREATED)
            .authorRole(creator)
            .authorId(opening != null ? opening.authorId() : blankToNull(ticket.submitterId()))
            .status(state.status)
            .subject(blankToNull(ticket.subject()))
            .body(opening != null ? blankToNull(opening.body()) : blankToNull(ticket.description()))
            .sourceRef(
                opening != null ? "ticket_comment/" + opening.id() : "ticket/" + ticket.id());
    events.add(createdEvent.build());

    // later changes and comments in time order; at the same instant the comment first, then the
    // change (an agent replies and sets pending in one update: the reply counts, then the pause)
    List<Object> timeline = new ArrayList<>(later);
    for (ZendeskData.Comment comment : comments) {
      if (comment == opening) {
        continue;
      }
      if (comment.at().isBefore(created)) {
        findings.accept(
            Finding.rejected(
                BEFORE_CREATION,
                comment.origin().where(),
                "comment %s at %s is %s before ticket %s was created (%s)"
                    .formatted(
                        comment.id(),
                        comment.at(),
                        human(Duration.between(comment.at(), created)),
                        ticket.id(),
                        created),
                comment.origin().raw()));
        continue;
      }
      timeline.add(comment);
    }
    timeline.sort(
        Comparator.comparing(ZendeskEvents::timeOf)
            .thenComparingInt(o -> o instanceof ZendeskData.Comment ? 0 : 1));
    Instant last = created;
    for (Object item : timeline) {
      if (state.deleted) {
        break;
      }
      if (item instanceof ZendeskData.Comment comment) {
        events.add(comment(ticket, channel, state, comment));
        last = comment.at();
      } else {
        ZendeskData.Change change = (ZendeskData.Change) item;
        TicketStatus before = state.status;
        Priority priorityBefore = state.priority;
        String teamBefore = state.team;
        String agentBefore = state.agent;
        boolean deletedBefore = state.deleted;
        if (!apply(state, change, ticket)) {
          continue;
        }
        state.fieldsWithHistory.add(change.field());
        TicketEvent event =
            changeEvent(
                ticket,
                channel,
                state,
                change,
                before,
                priorityBefore,
                teamBefore,
                agentBefore,
                deletedBefore);
        if (event != null) {
          events.add(event);
          last = change.at();
        }
      }
    }
    last = todaysStatus(ticket, channel, state, last);
    todaysOtherValues(ticket, changes);
    if (!tags.isEmpty() && !state.deleted && !state.fieldsWithHistory.contains("tags")) {
      Instant at = later(ticket.updatedAt(), last);
      events.add(
          base(ticket, channel, state, at)
              .eventId("zendesk:ticket:" + ticket.id() + ":tags-at-export")
              .type(EventType.TAGS_CHANGED)
              .authorRole(AuthorRole.SYSTEM)
              .tags(List.copyOf(tags))
              .sourceRef("ticket_tag/" + ticket.id())
              .build());
      findings.accept(
          Finding.note(
              "tags known only as today's, dated at the ticket's last update",
              ticket.origin().where(),
              "ticket %s tags %s set at %s (updated_at)".formatted(ticket.id(), tags, at),
              ticket.origin().raw()));
      last = at;
    }
    return last;
  }

  private static Instant timeOf(Object item) {
    return item instanceof ZendeskData.Comment c ? c.at() : ((ZendeskData.Change) item).at();
  }

  /**
   * Applies a change to the state; false (and a finding) when its value is not one Sanjeh knows.
   */
  private boolean apply(State state, ZendeskData.Change change, ZendeskData.Ticket ticket) {
    String value = change.value();
    switch (change.field()) {
      case "status" -> {
        String status = value.toLowerCase(Locale.ROOT);
        if (status.equals("deleted")) {
          state.deleted = true;
          return true;
        }
        TicketStatus mapped = Fields.status(status);
        if (mapped == null) {
          unknown(change, "status", Fields.STATUSES);
          return false;
        }
        state.status = mapped;
      }
      case "priority" -> {
        if (value.isEmpty()) {
          state.priority = null;
          return true;
        }
        Priority mapped = Fields.priority(value);
        if (mapped == null) {
          unknown(change, "priority", Fields.PRIORITIES);
          return false;
        }
        state.priority = mapped;
      }
      case "group_id" -> {
        if (!value.isEmpty() && !data.groupNames.containsKey(value) && !data.groupNames.isEmpty()) {
          findings.accept(
              Finding.note(
                  "group not in the group table (its id is the team)",
                  change.origin().where(),
                  "group_id=\"%s\" of ticket %s".formatted(value, ticket.id()),
                  change.origin().raw()));
        }
        state.team = value.isEmpty() ? null : data.groupNames.getOrDefault(value, value);
      }
      case "assignee_id" -> {
        noteUser(value, change.origin().where() + " (assignee)");
        state.agent = blankToNull(value);
      }
      case "tags" -> {
        // the whole list after the change, separated by spaces
      }
      default -> throw new IllegalStateException(change.field());
    }
    return true;
  }

  private void unknown(ZendeskData.Change change, String field, List<String> allowed) {
    findings.accept(
        Finding.rejected(
            UNKNOWN_VALUE,
            change.origin().where(),
            "%s=\"%s\" of ticket %s at %s is not a Zendesk %s (%s)"
                .formatted(
                    field,
                    change.value(),
                    change.ticketId(),
                    change.at(),
                    field,
                    String.join(", ", allowed)),
            change.origin().raw()));
  }

  private TicketEvent changeEvent(
      ZendeskData.Ticket ticket,
      Channel channel,
      State state,
      ZendeskData.Change change,
      TicketStatus statusBefore,
      Priority priorityBefore,
      String teamBefore,
      String agentBefore,
      boolean deletedBefore) {
    TicketEvent.Builder event =
        base(ticket, channel, state, change.at())
            .eventId(
                "zendesk:change:"
                    + ticket.id()
                    + ":"
                    + change.field()
                    + ":"
                    + change.at().toEpochMilli()
                    + ":"
                    + shortValue(change.value()))
            .authorRole(authorOfChange(change))
            .authorId(blankToNull(change.userId()))
            .sourceRef(
                "ticket_field_history/"
                    + ticket.id()
                    + "/"
                    + change.field()
                    + "/"
                    + TicketEventCodec.wireTime(change.at()));
    switch (change.field()) {
      case "status" -> {
        if (state.deleted && !deletedBefore) {
          return event.type(EventType.DELETED).build();
        }
        if (state.status == statusBefore) {
          return null;
        }
        return event.type(EventType.STATUS_CHANGED).status(state.status).build();
      }
      case "priority" -> {
        return state.priority == priorityBefore
            ? null
            : event.type(EventType.PRIORITY_CHANGED).build();
      }
      case "group_id", "assignee_id" -> {
        return java.util.Objects.equals(state.team, teamBefore)
                && java.util.Objects.equals(state.agent, agentBefore)
            ? null
            : event.type(EventType.ASSIGNED).build();
      }
      case "tags" -> {
        return event
            .type(EventType.TAGS_CHANGED)
            .tags(
                java.util.Arrays.stream(change.value().split("\\s+"))
                    .filter(t -> !t.isBlank())
                    .distinct()
                    .toList())
            .build();
      }
      default -> throw new IllegalStateException(change.field());
    }
  }

  private AuthorRole authorOfChange(ZendeskData.Change change) {
    ZendeskData.User user = data.users.get(change.userId());
    AuthorRole role = user == null ? null : Fields.role(user.role());
    return role == null ? AuthorRole.SYSTEM : role;
  }

  private TicketEvent comment(
      ZendeskData.Ticket ticket, Channel channel, State state, ZendeskData.Comment comment) {
    AuthorRole role = Fields.role(data.users.get(comment.authorId()).role());
    EventType type =
        !comment.isPublic()
            ? EventType.INTERNAL_NOTE
            : role == AuthorRole.CUSTOMER ? EventType.CUSTOMER_MESSAGE : EventType.AGENT_REPLY;
    return base(ticket, channel, state, comment.at())
        .eventId("zendesk:comment:" + comment.id())
        .type(type)
        .authorRole(role)
        .authorId(comment.authorId())
        .body(blankToNull(comment.body()))
        .sourceRef("ticket_comment/" + comment.id())
        .build();
  }

  /**
   * Today's status, when the history does not already end with it: dated at the ticket's last
   * update, the latest moment it can have been set. Without it a ticket closed years ago would stay
   * open forever in Sanjeh.
   */
  private Instant todaysStatus(
      ZendeskData.Ticket ticket, Channel channel, State state, Instant last) {
    String today = ticket.status().toLowerCase(Locale.ROOT);
    if (today.isEmpty() || state.deleted) {
      return last;
    }
    boolean deleted = today.equals("deleted");
    TicketStatus mapped = Fields.status(today);
    if (!deleted && mapped == null) {
      findings.accept(
          Finding.rejected(
              UNKNOWN_VALUE,
              ticket.origin().where(),
              "status=\"%s\" of ticket %s is not a Zendesk status (%s)"
                  .formatted(ticket.status(), ticket.id(), String.join(", ", Fields.STATUSES)),
              ticket.origin().raw()));
      return last;
    }
    if (!deleted && mapped == state.status) {
      return last;
    }
    Instant at = later(ticket.updatedAt(), last);
    TicketEvent.Builder event =
        base(ticket, channel, state, at)
            .eventId("zendesk:ticket:" + ticket.id() + ":status-at-export:" + today)
            .authorRole(AuthorRole.SYSTEM)
            .sourceRef("ticket/" + ticket.id());
    events.add(
        deleted
            ? event.type(EventType.DELETED).build()
            : event.type(EventType.STATUS_CHANGED).status(mapped).build());
    findings.accept(
        Finding.note(
            "today's status, dated at the ticket's last update (the history does not end with it)",
            ticket.origin().where(),
            "ticket %s status=\"%s\" set at %s (updated_at); the history's last status was %s"
                .formatted(
                    ticket.id(),
                    ticket.status(),
                    at,
                    state.status == null ? "none" : "\"" + state.status.wire() + "\""),
            ticket.origin().raw()));
    return at;
  }

  /** Today's priority, group and assignee without a history are reported, not guessed. */
  private void todaysOtherValues(ZendeskData.Ticket ticket, List<ZendeskData.Change> changes) {
    Map<String, String> today = new LinkedHashMap<>();
    today.put("priority", ticket.priority());
    today.put("group_id", ticket.groupId());
    today.put("assignee_id", ticket.assigneeId());
    for (var field : today.entrySet()) {
      if (field.getValue().isEmpty()) {
        continue;
      }
      boolean hasHistory = changes.stream().anyMatch(c -> c.field().equals(field.getKey()));
      if (!hasHistory) {
        if (field.getKey().equals("assignee_id")) {
          noteUser(field.getValue(), ticket.origin().where() + " (assignee)");
        }
        findings.accept(
            Finding.found(
                TODAYS_VALUE + " (not imported: when it was set is unknown)",
                ticket.origin().where(),
                "ticket %s %s=\"%s\" today; the field history has no %s"
                    .formatted(ticket.id(), field.getKey(), field.getValue(), field.getKey()),
                ticket.origin().raw()));
      }
    }
  }

  private void merges(Map<String, Instant> lastEventAt) {
    for (ZendeskData.Ticket survivor : data.tickets.values()) {
      for (String mergedId : survivor.mergedTicketIds()) {
        ZendeskData.Ticket merged = data.tickets.get(mergedId);
        if (merged == null) {
          findings.accept(
              Finding.found(
                  MERGED_MISSING,
                  survivor.origin().where(),
                  "ticket %s lists merged_ticket_ids [%s]; ticket %s is not in the ticket table, so its merge is not recorded"
                      .formatted(
                          survivor.id(), String.join(", ", survivor.mergedTicketIds()), mergedId),
                  survivor.origin().raw()));
          continue;
        }
        Instant at = later(merged.updatedAt(), lastEventAt.get(mergedId));
        events.add(
            TicketEvent.builder()
                .eventId("zendesk:ticket:" + mergedId + ":merged-into:" + survivor.id())
                .ticketId(mergedId)
                .occurredAt(at)
                .type(EventType.MERGED)
                .channel(channel(merged))
                .authorRole(AuthorRole.SYSTEM)
                .customerId(blankToNull(merged.requesterId()))
                .mergedInto(survivor.id())
                .sourceSystem(SOURCE_SYSTEM)
                .sourceRef("ticket/" + survivor.id() + "/merged_ticket_ids")
                .build());
        findings.accept(
            Finding.note(
                "merge dated at the merged ticket's last update",
                survivor.origin().where(),
                "ticket %s merged into %s at %s".formatted(mergedId, survivor.id(), at),
                survivor.origin().raw()));
      }
    }
  }

  private AuthorRole creatorRole(ZendeskData.Ticket ticket, ZendeskData.Comment opening) {
    String creator = opening != null ? opening.authorId() : ticket.submitterId();
    ZendeskData.User user = data.users.get(creator);
    AuthorRole role = user == null ? null : Fields.role(user.role());
    if (role != null) {
      return role;
    }
    // without the user, a ticket submitted by its own requester is the customer's
    return creator.equals(ticket.requesterId()) || creator.isEmpty()
        ? AuthorRole.CUSTOMER
        : AuthorRole.AGENT;
  }

  private Channel channel(ZendeskData.Ticket ticket) {
    Channel channel = Fields.channel(ticket.via());
    if (channel == null) {
      findings.accept(
          Finding.note(
              UNKNOWN_CHANNEL + " (imported as other)",
              ticket.origin().where(),
              "ticket %s via_channel=\"%s\"".formatted(ticket.id(), ticket.via()),
              ticket.origin().raw()));
      return Channel.OTHER;
    }
    return channel;
  }

  private TicketEvent.Builder base(
      ZendeskData.Ticket ticket, Channel channel, State state, Instant at) {
    return TicketEvent.builder()
        .ticketId(ticket.id())
        .occurredAt(at)
        .channel(channel)
        .customerId(blankToNull(ticket.requesterId()))
        .agentId(state.agent)
        .team(state.team)
        .priority(state.priority)
        .sourceSystem(SOURCE_SYSTEM);
  }

  private void noteUser(String id, String where) {
    if (id == null || id.isEmpty() || data.users.containsKey(id)) {
      return;
    }
    missingUser(id, where);
  }

  private void missingUser(String id, String where) {
    List<String> places = missingUsers.computeIfAbsent(id, k -> new ArrayList<>());
    if (places.size() < 3) {
      places.add(where);
    }
    missingUserCounts.merge(id, 1, Integer::sum);
  }

  private void reportMissingUsers() {
    for (var user : missingUsers.entrySet()) {
      findings.accept(
          Finding.found(
              MISSING_USER,
              user.getValue().get(0),
              "user %s: referred to %d time%s, e.g. %s"
                  .formatted(
                      user.getKey(),
                      missingUserCounts.get(user.getKey()),
                      missingUserCounts.get(user.getKey()) == 1 ? "" : "s",
                      String.join(", ", user.getValue())),
              ""));
    }
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /**
   * The value as it goes into an event id: each character but {@code A-Z a-z 0-9 _ -} replaced by
   * {@code _} (one for a character outside the BMP, too), then cut to 40 characters.
   */
  static String shortValue(String value) {
    StringBuilder out = new StringBuilder(Math.min(value.length(), 40));
    for (int i = 0; i < value.length() && out.length() < 40; ) {
      int c = value.codePointAt(i);
      i += Character.charCount(c);
      boolean kept =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      out.append(kept ? (char) c : '_');
    }
    return out.toString();
  }

  static String human(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes < 48 * 60) {
      return "%d h %02d min".formatted(minutes / 60, minutes % 60);
    }
    return "%d days".formatted(minutes / (24 * 60));
  }
}
