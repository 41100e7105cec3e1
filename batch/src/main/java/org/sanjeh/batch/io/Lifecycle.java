package org.sanjeh.batch.io;

import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketStatus;

/**
 * Whether a ticket is solved, as {@code core}'s SlaClock decides it: {@code resolved} and {@code
 * closed} events, or a status of solved/closed, solve an unsolved ticket; a {@code reopened} event
 * or any other status reopens a solved one. A merge takes the ticket out; events after it are
 * ignored, as the SLA clocks ignore them.
 */
public final class Lifecycle {

  /** What one event did to the ticket. */
  public enum Change {
    NONE,
    SOLVED,
    REOPENED,
    MERGED
  }

  private boolean solved;
  private boolean merged;
  private int solves;
  private int reopens;

  public Change apply(TicketEvent e) {
    if (merged) {
      return Change.NONE;
    }
    Change change =
        switch (e.type()) {
          case RESOLVED, CLOSED -> solve();
          case REOPENED -> reopen();
          case MERGED -> {
            merged = true;
            yield Change.MERGED;
          }
          default -> Change.NONE;
        };
    if (e.status() != null && !merged) {
      Change byStatus =
          e.status() == TicketStatus.SOLVED || e.status() == TicketStatus.CLOSED
              ? solve()
              : reopen();
      change = byStatus == Change.NONE ? change : byStatus;
    }
    return change;
  }

  private Change solve() {
    if (solved) {
      return Change.NONE;
    }
    solved = true;
    solves++;
    return Change.SOLVED;
  }

  private Change reopen() {
    if (!solved) {
      return Change.NONE;
    }
    solved = false;
    reopens++;
    return Change.REOPENED;
  }

  public boolean solved() {
    return solved;
  }

  public boolean merged() {
    return merged;
  }

  /** Neither solved nor merged: in the backlog. */
  public boolean open() {
    return !solved && !merged;
  }

  public int solves() {
    return solves;
  }

  public int reopens() {
    return reopens;
  }
}
