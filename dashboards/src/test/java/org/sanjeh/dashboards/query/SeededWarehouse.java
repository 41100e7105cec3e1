package org.sanjeh.dashboards.query;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.sanjeh.warehouse.Warehouse;

/**
 * {@link Seed}'s warehouse for the tests of other packages (the viewer's): what they need of it,
 * without opening the seed's records up.
 */
public final class SeededWarehouse {

  public static final ZoneId ZONE = Seed.ZONE;
  public static final LocalDate FIRST_DAY = Seed.FIRST_DAY;
  public static final LocalDate LAST_DAY = Seed.FIRST_DAY.plusDays(Seed.DAYS - 1);

  private final Seed seed = new Seed();

  public void writeTo(Warehouse warehouse) {
    seed.writeTo(warehouse);
  }

  /** How many seeded tickets are open, of one team or (null) of all. */
  public long openTickets(String team) {
    return seed.tickets.stream()
        .filter(t -> t.open() && (team == null || t.team().equals(team)))
        .count();
  }

  public List<String> ticketIds() {
    return seed.tickets.stream().map(Seed.Ticket::id).toList();
  }

  /** Writes a ticket's row again with a newer version: the moment it stands for, in ms * 1000. */
  public void restampTicket(Warehouse warehouse, String ticketId, long version) {
    warehouse.execute(seed.restampedTicketRow(ticketId, version));
  }
}
