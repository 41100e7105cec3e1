package org.sanjeh.ingestion.adapter;

import org.sanjeh.core.event.TicketEvent;

/** What an adapter made of one piece of its input: an event, or a reject with the reason. */
public sealed interface ImportItem {

  /** A valid event. */
  record Event(TicketEvent event) implements ImportItem {}

  /**
   * Input that could not become an event.
   *
   * @param where the file and position, e.g. {@code dev.json conversation 17 (LgwAXtbbEm0m)}
   * @param line 1-based line where the format has lines, else 0
   * @param raw the input as read
   * @param reason what is wrong and, where possible, the fix
   */
  record Rejected(String where, int line, byte[] raw, String reason) implements ImportItem {}

  /**
   * Input left out on purpose (a mapping's row filter): counted apart from the rejects.
   *
   * @param reason the filter's reason, e.g. {@code private notes are not imported}
   */
  record Skipped(String where, int line, byte[] raw, String reason) implements ImportItem {}
}
