package org.sanjeh.ingestion.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sanjeh.warehouse.Warehouse;

/**
 * The router's memory across restarts and processes: the stored events. A message's ticket is found
 * by its channel id ({@code source_ref}); a customer's latest ticket by their events, with its last
 * status. Events reach the warehouse through Kafka and the loader, about a second late.
 */
public final class WarehouseHistory implements TicketRouter.History {

  private final Warehouse warehouse;

  public WarehouseHistory(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Override
  public Optional<String> ticketOfMessage(String messageId) {
    return warehouse
        .query(
            "SELECT ticket_id FROM ticket_events WHERE source_ref = ? LIMIT 1",
            List.of(messageId),
            row -> row.getString(1))
        .stream()
        .findFirst();
  }

  @Override
  public Optional<TicketRouter.LastTicket> latestTicketOf(String customerId) {
    return warehouse
        .query(
            "SELECT ticket_id, toUnixTimestamp(max(occurred_at)),"
                + " argMax(event_type, (occurred_at, occurred_at_ms)), argMax(status, (occurred_at, occurred_at_ms))"
                + " FROM ticket_events WHERE customer_id = ?"
                + " GROUP BY ticket_id ORDER BY max(occurred_at) DESC LIMIT 1",
            List.of(customerId),
            row ->
                new TicketRouter.LastTicket(
                    row.getString(1),
                    Instant.ofEpochSecond(row.getLong(2)),
                    isSolved(row.getString(3), row.getString(4))))
        .stream()
        .findFirst();
  }

  private static boolean isSolved(String lastType, String lastStatus) {
    return lastType.equals("resolved")
        || lastType.equals("closed")
        || lastStatus.equals("solved")
        || lastStatus.equals("closed");
  }
}
