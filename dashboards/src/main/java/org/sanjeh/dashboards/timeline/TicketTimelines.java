package org.sanjeh.dashboards.timeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.WireValue;
import org.sanjeh.core.sla.PolicyFile;
import org.sanjeh.core.sla.SlaExplainer;
import org.sanjeh.core.sla.SlaExplanation;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.read.EventQueries;

/**
 * Ticket timelines from the warehouse: a ticket's stored events ({@code ticket_events}) run through
 * core's SLA engine ({@link SlaExplainer} over {@link org.sanjeh.core.sla.SlaClock}, the clock the
 * streaming job drives) under the same policy file as the job, as of the ticket row's moment.
 */
public final class TicketTimelines {

  private static final String AS_OF =
      // version is the row's moment in ms * 1000 + a sequence (V008): as_of to the millisecond
      "SELECT intDiv(version, 1000) FROM sla_tickets FINAL WHERE ticket_id = ?";

  private final Warehouse warehouse;
  private final PolicyFile.Loaded policy;
  private final EventQueries events;

  /**
   * @param policy the policy and calendar the streaming job runs with ({@link PolicyFile#parse})
   */
  public TicketTimelines(Warehouse warehouse, PolicyFile.Loaded policy) {
    this.warehouse = warehouse;
    this.policy = policy;
    this.events = new EventQueries(warehouse);
  }

  /**
   * @param policyFile the job's {@code --policy} file; null for the bundled default, as the job
   */
  public static TicketTimelines withPolicyFile(Warehouse warehouse, Path policyFile) {
    return new TicketTimelines(
        warehouse,
        policyFile == null
            ? PolicyFile.parse(PolicyFile.defaultText(), "the bundled SLA policy")
            : PolicyFile.read(policyFile));
  }

  /**
   * The ticket's timeline as of its row in {@code sla_tickets} (the last event when it has no row
   * yet); empty when no event of the ticket is stored.
   */
  public Optional<TicketTimeline> timeline(String ticketId) {
    return timeline(ticketId, null);
  }

  /** The same as of a chosen moment (null: as of the ticket row). */
  public Optional<TicketTimeline> timeline(String ticketId, Instant asOf) {
    List<TicketEvent> stored = events.ticket(ticketId);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    Instant moment = asOf != null ? asOf : rowMoment(ticketId, stored);
    SlaExplanation explained =
        SlaExplainer.explain(stored, policy.policy(), policy.calendar(), moment);
    // by value, not id: a resent event has the id of the one applied, at another time
    Set<TicketEvent> ignored = Set.copyOf(explained.ignoredEvents());
    List<TimelineEvent> shown = stored.stream().map(e -> event(e, !ignored.contains(e))).toList();
    return Optional.of(
        new TicketTimeline(
            ticketId,
            explained.policy(),
            policy.calendar().zone(),
            moment,
            shown,
            explained.runs()));
  }

  private Instant rowMoment(String ticketId, List<TicketEvent> stored) {
    List<Long> rows = warehouse.query(AS_OF, List.of(ticketId), row -> row.getLong(1));
    return rows.isEmpty()
        ? stored.get(stored.size() - 1).occurredAt()
        : Instant.ofEpochMilli(rows.get(0));
  }

  private static TimelineEvent event(TicketEvent e, boolean applied) {
    return new TimelineEvent(
        e.eventId(),
        e.occurredAt(),
        wire(e.type()),
        wire(e.authorRole()),
        e.agentId(),
        e.team(),
        wire(e.channel()),
        wire(e.priority()),
        wire(e.status()),
        e.body() != null,
        applied);
  }

  private static String wire(WireValue value) {
    return value == null ? null : value.wire();
  }
}
