package org.sanjeh.dashboards.viewer.timeline;

import org.sanjeh.dashboards.timeline.TicketTimelines;
import org.sanjeh.warehouse.read.UnreadableEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tickets/{id}/timeline}: the ticket's events and, per SLA target, which time
 * counted, where the deadline fell and why it was met or missed, computed by core's SLA engine from
 * the stored events (so it agrees with the dashboards' numbers, which the same engine wrote).
 */
@RestController
class TimelineController {

  static final int MAX_TICKET_ID_LENGTH = 200;
  private static final Logger LOG = LoggerFactory.getLogger(TimelineController.class);

  private final TicketTimelines timelines;

  TimelineController(TicketTimelines timelines) {
    this.timelines = timelines;
  }

  @GetMapping("/api/tickets/{ticketId}/timeline")
  TimelineView timeline(@PathVariable String ticketId) {
    if (ticketId.length() > MAX_TICKET_ID_LENGTH) {
      throw problem(
          HttpStatus.BAD_REQUEST, "ticket id: longer than " + MAX_TICKET_ID_LENGTH + " characters");
    }
    return timelines
        .timeline(ticketId)
        .map(TimelineView::of)
        .orElseThrow(
            () -> problem(HttpStatus.NOT_FOUND, "no events stored for ticket '" + ticketId + "'"));
  }

  /** A stored event this version cannot read: which one and why, never a bare 500. */
  @ExceptionHandler(UnreadableEventException.class)
  ProblemDetail unreadable(UnreadableEventException e) {
    LOG.warn("a ticket timeline could not be read: {}", e.getMessage());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
    problem.setTitle("Ticket history unreadable");
    return problem;
  }

  private static ErrorResponseException problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status == HttpStatus.NOT_FOUND ? "Not found" : "Bad ticket id");
    return new ErrorResponseException(status, problem, null);
  }
}
