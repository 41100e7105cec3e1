package org.sanjeh.ingestion.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanjeh.ingestion.util.LruMap;

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
 * message id) gets the same route, so it becomes the same event. The router remembers what it
 * routed; what it does not remember (after a restart, or routed by another process) it looks up in
 * its {@link History}.
 */
public final class TicketRouter {

  /** Where a message goes, and whether it opens the ticket. */
  public record Route(String ticketId, boolean opensTicket) {}

  /** A ticket's last known activity, and whether it ended solved or closed. */
  public record LastTicket(String ticketId, Instant lastActivity, boolean solved) {}

  /**
   * What the router can look up when its memory has nothing (after a restart, or for messages
   * another process routed): the warehouse in production ({@link WarehouseHistory}).
   */
  public interface History {
    Optional<String> ticketOfMessage(String messageId);

    Optional<LastTicket> latestTicketOf(String customerId);

    History NONE =
        new History() {
          @Override
          public Optional<String> ticketOfMessage(String messageId) {
            return Optional.empty();
          }

          @Override
          public Optional<LastTicket> latestTicketOf(String customerId) {
            return Optional.empty();
          }
        };
  }

  private record OpenTicket(String ticketId, Instant lastActivity) {}

  static final int DEFAULT_MEMORY = 100_000;

  private final Duration joinWindow;
  private final History history;
  private final Map<String, OpenTicket> openByCustomer;
  private final Map<String, String> ticketByThread;
  private final Map<String, Route> routeByMessage;

  /** Customers whose ticket this process saw solved: the warehouse may not know it yet. */
  private final Map<String, Boolean> solvedCustomers;

  public TicketRouter(Duration joinWindow) {
    this(joinWindow, History.NONE);
  }

  public TicketRouter(Duration joinWindow, History history) {
    this(joinWindow, history, DEFAULT_MEMORY);
  }

  /**
   * @param memory how many entries each of the router's maps keeps (least recently used forgotten
   *     first, then looked up in the history): bounded whatever the traffic
   */
  public TicketRouter(Duration joinWindow, History history, int memory) {
    this.joinWindow = joinWindow;
    this.history = history;
    this.openByCustomer = new LruMap<>(memory);
    this.ticketByThread = new LruMap<>(memory);
    this.routeByMessage = new LruMap<>(memory);
    this.solvedCustomers = new LruMap<>(memory);
  }

  /** Entries held in memory across the router's maps: at most four times its memory. */
  synchronized int remembered() {
    return openByCustomer.size()
        + ticketByThread.size()
        + routeByMessage.size()
        + solvedCustomers.size();
  }

  public synchronized Route route(String customerId, InboundMessage message) {
    Route known = routeByMessage.get(message.messageId());
    if (known != null) {
      return known; // the same message delivered again: the same event, not a new message
    }
    Optional<String> thread =
        message.threadRefs().stream()
            .map(this::ticketOfThread)
            .flatMap(Optional::stream)
            .findFirst();
    Route route;
    if (thread.isPresent()) {
      route = new Route(thread.get(), false);
    } else {
      OpenTicket open = openTicketOf(customerId);
      boolean joins = open != null && !message.at().isAfter(open.lastActivity().plus(joinWindow));
      route =
          joins
              ? new Route(open.ticketId(), false)
              : new Route(StableIds.ticket(message.sourceSystem(), message.messageId()), true);
    }
    remember(customerId, message, route.ticketId());
    routeByMessage.put(message.messageId(), route);
    solvedCustomers.remove(customerId);
    return route;
  }

  /** The ticket was solved: later messages of the customer do not join it. */
  public synchronized void solved(String customerId, String ticketId) {
    OpenTicket open = openByCustomer.get(customerId);
    if (open != null && open.ticketId().equals(ticketId)) {
      openByCustomer.remove(customerId);
      solvedCustomers.put(customerId, Boolean.TRUE);
    }
  }

  private Optional<String> ticketOfThread(String ref) {
    String known = ticketByThread.get(ref);
    return known != null ? Optional.of(known) : history.ticketOfMessage(ref);
  }

  private OpenTicket openTicketOf(String customerId) {
    OpenTicket open = openByCustomer.get(customerId);
    if (open != null || solvedCustomers.containsKey(customerId)) {
      return open;
    }
    return history
        .latestTicketOf(customerId)
        .filter(last -> !last.solved())
        .map(last -> new OpenTicket(last.ticketId(), last.lastActivity()))
        .orElse(null);
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
