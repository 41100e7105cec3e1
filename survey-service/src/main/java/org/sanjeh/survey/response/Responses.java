package org.sanjeh.survey.response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sanjeh.survey.link.SurveyLinks;
import org.sanjeh.warehouse.WarehouseException;

/**
 * Records answers. One answer per invitation: answering again (a double click, a retry, a second
 * tab, a change of mind) replaces it, within the edit window after the first answer (default 24
 * hours); after that the answer is closed. An answer is acknowledged once it is in the durable
 * spool; {@link #flush} moves the spool into ClickHouse. While ClickHouse is down the edit window
 * is checked against what this process remembers.
 */
public final class Responses {

  public static final Duration DEFAULT_EDIT_WINDOW = Duration.ofHours(24);
  public static final int MAX_COMMENT_CHARS = 2000;
  public static final int MAX_REASONS = 10;

  /** An answer refused, with a message for the person answering. */
  public static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  private final ResponseSpool spool;
  private final ResponseStore store;
  private final Duration editWindow;
  private final Clock clock;

  /** The latest answer per invitation this process saw, the most recent 100,000. */
  private final Map<String, SurveyResponse> latest =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SurveyResponse> eldest) {
              return size() > 100_000;
            }
          });

  public Responses(ResponseSpool spool, ResponseStore store, Duration editWindow, Clock clock) {
    this(spool, store, editWindow, clock, null);
  }

  /**
   * @param linkValidity when given, the invitations first answered within it are loaded now, so
   *     that a first answer needs no lookup: any invitation not known then was never answered
   */
  public Responses(
      ResponseSpool spool,
      ResponseStore store,
      Duration editWindow,
      Clock clock,
      Duration linkValidity) {
    this.spool = spool;
    this.store = store;
    this.editWindow = editWindow;
    this.clock = clock;
    if (linkValidity != null) {
      firstAnswered.putAll(store.answeredSince(clock.instant().minus(linkValidity)));
      spool
          .contents()
          .forEach(
              r ->
                  firstAnswered.merge(
                      r.invitationId(), r.firstAnsweredAt(), (a, b) -> a.isBefore(b) ? a : b));
      complete = true;
    }
  }

  /** First-answer times of every invitation answered within the link validity, when complete. */
  private final Map<String, Instant> firstAnswered = new java.util.concurrent.ConcurrentHashMap<>();

  private boolean complete;

  public SurveyResponse answer(
      SurveyLinks.Invitation invitation, int score, String comment, List<String> reasons) {
    try {
      invitation.kind().check(score);
    } catch (IllegalArgumentException e) {
      throw new Refused(e.getMessage());
    }
    if (comment != null && comment.length() > MAX_COMMENT_CHARS) {
      throw new Refused(
          "the comment is "
              + comment.length()
              + " characters long; at most "
              + MAX_COMMENT_CHARS
              + " are kept");
    }
    if (reasons != null && reasons.size() > MAX_REASONS) {
      throw new Refused("at most " + MAX_REASONS + " reasons can be chosen");
    }
    Instant now = clock.instant();
    SurveyResponse previous = previous(invitation.invitationId());
    Instant first = previous == null ? null : previous.firstAnsweredAt();
    if (first != null && now.isAfter(first.plus(editWindow))) {
      throw new Refused(
          "this answer was given at "
              + first
              + " and could be changed until "
              + first.plus(editWindow)
              + "; it is kept as it was");
    }
    SurveyResponse response =
        new SurveyResponse(
            invitation.invitationId(),
            invitation.kind(),
            score,
            comment != null || previous == null ? comment : previous.comment(),
            reasons != null || previous == null ? reasons : previous.reasons(),
            first != null ? first : now,
            now);
    spool.append(response);
    latest.put(invitation.invitationId(), response);
    firstAnswered.putIfAbsent(invitation.invitationId(), response.firstAnsweredAt());
    return response;
  }

  private ResponseSpool.Store alsoTo;

  /** Answers also go to {@code publisher} (Kafka), after ClickHouse, in the same drain. */
  public Responses alsoPublishTo(ResponseSpool.Store publisher) {
    this.alsoTo = publisher;
    return this;
  }

  /**
   * Writes the spooled answers to ClickHouse (and the publisher); they stay spooled if it fails.
   */
  public long flush() {
    ResponseSpool.Store publisher = alsoTo;
    return spool.drain(
        batch -> {
          store.store(batch);
          if (publisher != null) {
            publisher.store(batch);
          }
        });
  }

  private SurveyResponse previous(String invitationId) {
    SurveyResponse remembered = latest.get(invitationId);
    if (remembered != null) {
      return remembered;
    }
    if (complete && !firstAnswered.containsKey(invitationId)) {
      return null; // never answered: nothing to look up
    }
    try {
      return store.latest(invitationId).orElse(null);
    } catch (WarehouseException unavailable) {
      return null; // ClickHouse is down: the answer is still spooled, the window checked from
      // memory
    }
  }
}
