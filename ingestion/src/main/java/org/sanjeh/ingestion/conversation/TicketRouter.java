package org.sanjeh.ingestion.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which ticket a message belongs to, so that a customer who e-mailed in the morning,
 * chatted at noon and called in the evening has one history:
 *
 * <ol>
 *   <li>a message in a known thread (it answers a known message id, or carries a known session id)
 *       goes to that thread's ticket;
 *   <li>otherwise, if the customer has an unsolved ticket with activity within the join window
 *       (default 24 hours), the message joins it, whatever the channel;
 *   <li>otherwise it opens a new ticket, whose id is derived from the message's own id (so an
 *       import run twice yields the same tickets).
 * </ol>
 *
 * A solved ticket is not joined: a new message opens a new ticket (its reopen, if the help desk
 * reports one, comes as a {@code reopened} event instead). A message delivered again (the same
 * message id) gets the same route, so it becomes the same event. State is per process, in memory.
 */
public final class TicketRouter {

  /** Where a message goes, and whether it opens the ticket. */
  public record Route(String ticketId, boolean opensTicket) {}

  private record OpenTicket(String ticketId, Instant lastActivity) {}

  private final Duration joinWindow;
  private final Map<String, OpenTicket> openByCustomer = new HashMap<>();
  private final Map<String, String> ticketByThread = new HashMap<>();
  private final Map<String, Route> routeByMessage = new HashMap<>();

  public TicketRouter(Duration joinWindow) {
    this.joinWindow = joinWindow;
  }

  public synchronized Route route(String customerId, InboundMessage message) {
    Route known = routeByMessage.get(message.messageId());
    if (known != null) {
      return known; // the same message delivered again: the same event, not a new message
    }
    Optional<String> thread =
        message.threadRefs().stream().map(ticketByThread::get).filter(t -> t != null).findFirst();
    Route route;
    if (thread.isPresent()) {
      route = new Route(thread.get(), false);
    } else {
      OpenTicket open = openByCustomer.get(customerId);
      boolean joins = open != null && !message.at().isAfter(open.lastActivity().plus(joinWindow));
      route =
          joins
              ? new Route(open.ticketId(), false)
              : new Route(StableIds.ticket(message.sourceSystem(), message.messageId()), true);
    }
    remember(customerId, message, route.ticketId());
    routeByMessage.put(message.messageId(), route);
    return route;
  }

  /** The ticket was solved: later messages of the customer do not join it. */
  public synchronized void solved(String customerId, String ticketId) {
    OpenTicket open = openByCustomer.get(customerId);
    if (open != null && open.ticketId().equals(ticketId)) {
      openByCustomer.remove(customerId);
    }
  }

  private void remember(String customerId, InboundMessage message, String ticketId) {
    ticketByThread.put(message.messageId(), ticketId);
    for (String ref : List.copyOf(message.threadRefs())) {
      ticketByThread.putIfAbsent(ref, ticketId);
    }
    OpenTicket previous = openByCustomer.get(customerId);
    Instant last =
        previous != null
                && previous.ticketId().equals(ticketId)
                && previous.lastActivity().isAfter(message.at())
            ? previous.lastActivity()
            : message.at();
    openByCustomer.put(customerId, new OpenTicket(ticketId, last));
  }
}
