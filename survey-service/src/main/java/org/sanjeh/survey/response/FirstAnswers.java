package org.sanjeh.survey.response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When each recently answered invitation was first answered: the edit window's start, known without
 * ClickHouse (so it holds during an outage) and without a lookup for an invitation never answered.
 * Bounded: entries older than the link validity are forgotten (their links have expired, so nobody
 * can answer them any more), and beyond {@code capacity} the oldest go too; from then on the memory
 * is no longer complete and an invitation it does not know is looked up in ClickHouse.
 */
final class FirstAnswers {

  private final Map<String, Instant> firstAnswered = new LinkedHashMap<>();
  private final Duration linkValidity;
  private final int capacity;
  private final Clock clock;
  private boolean complete;
  private boolean overflowed;

  FirstAnswers(Duration linkValidity, int capacity, Clock clock) {
    this.linkValidity = linkValidity;
    this.capacity = capacity;
    this.clock = clock;
  }

  synchronized void remember(String invitationId, Instant first) {
    firstAnswered.merge(invitationId, first, (a, b) -> a.isBefore(b) ? a : b);
    forgetExpiredAndExcess();
  }

  synchronized Optional<Instant> firstAnswer(String invitationId) {
    return Optional.ofNullable(firstAnswered.get(invitationId));
  }

  /** True only when the memory holds every answer within the link validity and not this one. */
  synchronized boolean neverAnswered(String invitationId) {
    return complete && !overflowed && !firstAnswered.containsKey(invitationId);
  }

  /** Everything answered within the link validity has been remembered (loaded from ClickHouse). */
  synchronized void markComplete() {
    complete = true;
  }

  synchronized int size() {
    return firstAnswered.size();
  }

  private void forgetExpiredAndExcess() {
    Instant horizon = clock.instant().minus(linkValidity);
    Iterator<Map.Entry<String, Instant>> oldest = firstAnswered.entrySet().iterator();
    while (oldest.hasNext()) {
      Map.Entry<String, Instant> entry = oldest.next();
      if (firstAnswered.size() > capacity) {
        overflowed = true;
      } else if (!entry.getValue().isBefore(horizon)) {
        return;
      }
      oldest.remove();
    }
  }
}
