package org.sanjeh.ingestion.intake;

import java.util.Map;
import org.sanjeh.ingestion.util.LruMap;

/**
 * The last N event ids Kafka acknowledged, so a client's resend is answered as a duplicate instead
 * of being sent again. Only a courtesy: the warehouse and the SLA clocks deduplicate by event id
 * anyway, across restarts and instances.
 */
final class RecentEventIds {

  private final Map<String, Boolean> ids;

  RecentEventIds(int capacity) {
    this.ids = new LruMap<>(capacity);
  }

  synchronized boolean contains(String eventId) {
    return ids.containsKey(eventId);
  }

  synchronized void add(String eventId) {
    ids.put(eventId, Boolean.TRUE);
  }
}
