package org.sanjeh.core.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A zone's UTC offsets as primitive arrays, so that business-time arithmetic converts between local
 * and UTC milliseconds with a binary search instead of {@link ZoneRules} lookups that allocate.
 * Transitions are precomputed from 1900 to 2200 and shared per zone; outside that range the zone's
 * rules answer.
 */
final class ZoneOffsets {

  private static final ConcurrentHashMap<ZoneId, ZoneOffsets> CACHE = new ConcurrentHashMap<>();
  private static final Instant FIRST = Instant.parse("1900-01-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("2200-01-01T00:00:00Z");
  private static final long FIRST_MS = FIRST.toEpochMilli();
  private static final long LAST_MS = LAST.toEpochMilli();
  private static final long DAY_MS = 86_400_000L;

  private final ZoneRules rules;

  /** Transition instants (UTC ms) and the offset in force from each one on. */
  private final long[] transitions;

  private final long[] offsetAfter;

  /** Local ms at or after which the offset after transition i applies to a local time. */
  private final long[] localBoundaries;

  private final long offsetBeforeFirst;

  private ZoneOffsets(ZoneRules rules) {
    this.rules = rules;
    List<ZoneOffsetTransition> list = new ArrayList<>();
    for (ZoneOffsetTransition t = rules.nextTransition(FIRST);
        t != null && t.getInstant().isBefore(LAST);
        t = rules.nextTransition(t.getInstant())) {
      list.add(t);
    }
    int n = list.size();
    transitions = new long[n];
    offsetAfter = new long[n];
    localBoundaries = new long[n];
    for (int i = 0; i < n; i++) {
      ZoneOffsetTransition t = list.get(i);
      long before = t.getOffsetBefore().getTotalSeconds() * 1000L;
      long after = t.getOffsetAfter().getTotalSeconds() * 1000L;
      transitions[i] = t.toEpochSecond() * 1000;
      offsetAfter[i] = after;
      // A local time in a gap or an overlap takes the earlier offset: gaps move forward, repeated
      // hours mean their first occurrence, exactly as ZoneRules.getOffset(LocalDateTime) does.
      localBoundaries[i] = transitions[i] + Math.max(before, after);
    }
    offsetBeforeFirst = rules.getOffset(FIRST).getTotalSeconds() * 1000L;
  }

  static ZoneOffsets of(ZoneId zone) {
    return CACHE.computeIfAbsent(zone, id -> new ZoneOffsets(id.getRules()));
  }

  /** The offset in force at a UTC instant, in ms. */
  long offsetAtUtc(long utcMs) {
    if (outOfRange(utcMs)) {
      return rules.getOffset(Instant.ofEpochMilli(utcMs)).getTotalSeconds() * 1000L;
    }
    int index = upperBound(transitions, utcMs);
    return index == 0 ? offsetBeforeFirst : offsetAfter[index - 1];
  }

  /** The UTC instant of a local wall-clock time given in local epoch ms. */
  long utcOfLocal(long localMs) {
    if (outOfRange(localMs)) {
      LocalDateTime local =
          LocalDateTime.ofEpochSecond(Math.floorDiv(localMs, 1000), 0, ZoneOffset.UTC);
      return local.toEpochSecond(rules.getOffset(local)) * 1000 + Math.floorMod(localMs, 1000);
    }
    int index = upperBound(localBoundaries, localMs);
    long offset = index == 0 ? offsetBeforeFirst : offsetAfter[index - 1];
    return localMs - offset;
  }

  /** Index of the first transition strictly after {@code utcMs}. */
  int firstTransitionAfter(long utcMs) {
    return upperBound(transitions, utcMs);
  }

  int transitionCount() {
    return transitions.length;
  }

  long transitionAt(int index) {
    return transitions[index];
  }

  /**
   * Whether the table cannot answer: it lists every transition from 1900 to 2200 (a zone that
   * stopped changing its clocks, like Tehran in 2022, keeps its last offset), so only instants
   * outside those years, with a day's margin for local times, go to the zone's rules.
   */
  private static boolean outOfRange(long ms) {
    return ms < FIRST_MS + DAY_MS || ms > LAST_MS - DAY_MS;
  }

  /** Number of elements <= key. */
  private static int upperBound(long[] sorted, long key) {
    int count = sorted.length;
    if (count > 0 && key >= sorted[count - 1]) {
      return count; // after the last change: every instant in a zone that stopped changing clocks
    }
    int index = Arrays.binarySearch(sorted, key);
    if (index < 0) {
      return -index - 1;
    }
    while (index + 1 < sorted.length && sorted[index + 1] == key) {
      index++;
    }
    return index + 1;
  }
}
