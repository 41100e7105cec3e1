package org.sanjeh.ingestion.importer;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.sanjeh.core.event.TicketEvent;

/**
 * Sorts events oldest first, stably: events at the same instant keep the order they had. A
 * comparator over a million events' {@code Instant}s was a tenth of an import's time; here each
 * event's millisecond (events keep no finer one) and its position are packed into one {@code long}
 * and the longs sorted. Times too far apart to pack (more than about a century in a million events)
 * fall back to the comparator.
 */
final class TimeOrder {

  private TimeOrder() {}

  static void sort(List<TicketEvent> events) {
    int n = events.size();
    if (n < 2) {
      return;
    }
    long[] keys = packedKeys(events);
    if (keys == null) {
      events.sort(Comparator.comparing(TicketEvent::occurredAt));
      return;
    }
    Arrays.sort(keys);
    TicketEvent[] before = events.toArray(new TicketEvent[0]);
    long positionMask = (1L << positionBits(n)) - 1;
    for (int i = 0; i < n; i++) {
      events.set(i, before[(int) (keys[i] & positionMask)]);
    }
  }

  /** Millisecond since the earliest event, then position; null when they do not fit a long. */
  private static long[] packedKeys(List<TicketEvent> events) {
    int n = events.size();
    long[] millis = new long[n];
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    try {
      for (int i = 0; i < n; i++) {
        Instant at = events.get(i).occurredAt();
        millis[i] = at.toEpochMilli();
        min = Math.min(min, millis[i]);
        max = Math.max(max, millis[i]);
      }
      int bits = positionBits(n);
      if (Math.subtractExact(max, min) >= 1L << (63 - bits)) {
        return null;
      }
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        keys[i] = (millis[i] - min) << bits | i;
      }
      return keys;
    } catch (ArithmeticException e) {
      return null; // an instant beyond a long of milliseconds
    }
  }

  /** Bits that hold every position 0 to n-1. */
  private static int positionBits(int n) {
    return Math.max(1, 64 - Long.numberOfLeadingZeros(n - 1L));
  }
}
