package org.sanjeh.survey.response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import org.sanjeh.survey.link.SurveyLinks;
import org.sanjeh.warehouse.WarehouseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records answers. One answer per invitation: answering again (a double click, a retry, a second
 * tab, a change of mind) replaces it, within the edit window after the first answer (default 24
 * hours); after that the answer is closed. An answer is acknowledged once it is in the durable
 * spool; {@link #flush} moves the spool into ClickHouse.
 *
 * <p>ClickHouse is not needed to take answers. The first-answer times of the invitations answered
 * within the link validity are held in memory ({@link FirstAnswers}: from the spool and ClickHouse
 * at start, or at the first flush that reaches ClickHouse if it was down at start), so the edit
 * window holds during an outage too.
 */
public final class Responses {

  private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

  public static final Duration DEFAULT_EDIT_WINDOW = Duration.ofHours(24);
  public static final int MAX_COMMENT_CHARS = 2000;
  public static final int MAX_REASONS = 10;

  /** First-answer times held at most (about 150 bytes each); beyond, ClickHouse is asked. */
  static final int FIRST_ANSWERS_CAPACITY = 1_000_000;

  /** Whole latest answers held at most, to keep a comment when only the score is changed. */
  private static final int LATEST_CAPACITY = 100_000;

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
  private final Duration linkValidity;
  private final FirstAnswers firstAnswers;
  private final Object historyLock = new Object();
  private volatile boolean historyLoaded;
  private boolean toldHistoryWaits;
  private volatile ResponseSpool.Store alsoTo;

  /** The latest answer per invitation this process saw, the most recent ones. */
  private final Map<String, SurveyResponse> latest =
      Collections.synchronizedMap(
          new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Entry<String, SurveyResponse> eldest) {
              return size() > LATEST_CAPACITY;
            }
          });

  /** Without history: an invitation this process has not seen answered is looked up. */
  public Responses(ResponseSpool spool, ResponseStore store, Duration editWindow, Clock clock) {
    this(spool, store, editWindow, clock, null, FIRST_ANSWERS_CAPACITY);
  }

  /**
   * @param linkValidity when given, the invitations first answered within it are loaded (now, or at
   *     the first flush that reaches ClickHouse), so that a first answer needs no lookup: any
   *     invitation not known then was never answered
   */
  public Responses(
      ResponseSpool spool,
      ResponseStore store,
      Duration editWindow,
      Clock clock,
      Duration linkValidity) {
    this(spool, store, editWindow, clock, linkValidity, FIRST_ANSWERS_CAPACITY);
  }

  Responses(
      ResponseSpool spool,
      ResponseStore store,
      Duration editWindow,
      Clock clock,
      Duration linkValidity,
      int firstAnswersCapacity) {
    this.spool = spool;
    this.store = store;
    this.editWindow = editWindow;
    this.clock = clock;
    this.linkValidity = linkValidity;
    // Without a link validity nothing older than the edit window matters for refusing.
    this.firstAnswers =
        new FirstAnswers(
            linkValidity != null ? linkValidity : editWindow, firstAnswersCapacity, clock);
    spool.contents().forEach(r -> firstAnswers.remember(r.invitationId(), r.firstAnsweredAt()));
    loadHistoryIfDue();
  }

  public SurveyResponse answer(
      SurveyLinks.Invitation invitation, int score, String comment, List<String> reasons) {
    check(invitation, score, comment, reasons);
    Instant now = clock.instant();
    SurveyResponse previous = previous(invitation.invitationId());
    Instant first =
        previous != null
            ? previous.firstAnsweredAt()
            : firstAnswers.firstAnswer(invitation.invitationId()).orElse(null);
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
    firstAnswers.remember(invitation.invitationId(), response.firstAnsweredAt());
    return response;
  }

  /** Answers also go to {@code publisher} (Kafka), after ClickHouse, in the same drain. */
  public Responses alsoPublishTo(ResponseSpool.Store publisher) {
    this.alsoTo = publisher;
    return this;
  }

  /**
   * Writes the spooled answers to ClickHouse (and the publisher); they stay spooled if it fails.
   */
  public long flush() {
    loadHistoryIfDue();
    ResponseSpool.Store publisher = alsoTo;
    return spool.drain(
        batch -> {
          store.store(batch);
          if (publisher != null) {
            publisher.store(batch);
          }
        });
  }

  /** Whether the first answers within the link validity are all known (ClickHouse was reached). */
  public boolean historyLoaded() {
    return historyLoaded;
  }

  private static void check(
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
  }

  /** Loads the first answers within the link validity, once; waits for ClickHouse if it is down. */
  private void loadHistoryIfDue() {
    if (linkValidity == null || historyLoaded) {
      return;
    }
    synchronized (historyLock) {
      if (historyLoaded) {
        return;
      }
      try {
        store.answeredSince(clock.instant().minus(linkValidity)).forEach(firstAnswers::remember);
      } catch (WarehouseException unavailable) {
        if (toldHistoryWaits) {
          return; // said once; the flusher's own warning repeats the outage
        }
        toldHistoryWaits = true;
        LOG.warn(
            "ClickHouse is not reachable; answers are taken into the spool and the invitations"
                + " answered before are loaded once it is back: {}",
            unavailable.getMessage());
        return;
      }
      firstAnswers.markComplete();
      historyLoaded = true;
    }
  }

  private SurveyResponse previous(String invitationId) {
    SurveyResponse remembered = latest.get(invitationId);
    if (remembered != null) {
      return remembered;
    }
    if (firstAnswers.neverAnswered(invitationId)) {
      return null; // nothing to look up
    }
    try {
      return store.latest(invitationId).orElse(null);
    } catch (WarehouseException unavailable) {
      // ClickHouse is down: the answer is still spooled, the window checked from memory.
      return null;
    }
  }
}
