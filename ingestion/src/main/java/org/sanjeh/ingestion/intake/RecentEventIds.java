package org.sanjeh.ingestion.intake;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last N event ids Kafka acknowledged, so a client's resend is answered as a duplicate instead
 * of being sent again. Only a courtesy: the warehouse and the SLA clocks deduplicate by event id
 * anyway, across restarts and instances.
 */
final class RecentEventIds {

  private final Map<String, Boolean> ids;

  RecentEventIds(int capacity) {
    this.ids =
        new LinkedHashMap<>(capacity, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized boolean contains(String eventId) {
    return ids.containsKey(eventId);
  }

  synchronized void add(String eventId) {
    ids.put(eventId, Boolean.TRUE);
  }
}
