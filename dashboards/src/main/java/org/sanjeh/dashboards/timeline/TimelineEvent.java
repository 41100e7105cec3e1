package org.sanjeh.dashboards.timeline;

import java.time.Instant;

/**
 * One event of a ticket as the SLA clocks saw it. Message texts stay out (personal data): only
 * whether the event carried one.
 *
 * @param type, authorRole, status, channel, priority wire values (docs/event-contract.md); status
 *     and priority null when the event set none
 * @param applied false when the SLA engine ignored it (a duplicate)
 */
public record TimelineEvent(
    String eventId,
    Instant at,
    String type,
    String authorRole,
    String agentId,
    String team,
    String channel,
    String priority,
    String status,
    boolean hasText,
    boolean applied) {}
