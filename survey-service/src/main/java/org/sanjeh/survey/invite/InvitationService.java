package org.sanjeh.survey.invite;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.survey.link.SurveyLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From ticket events to invitations: the planner decides, this service issues the signed link,
 * hands the message to the sender and records the invitation (or the skip and its reason).
 *
 * <p>The message goes out before the invitation is recorded, so a recorded invitation was sent. A
 * message the sender could not deliver for now (mail server down, 4xx, full disk) is kept, with its
 * link, on disk ({@link UnsentInvitations}) so a restart does not drop it either, and tried again
 * with exponential back-off: the message waits 1 s, 2 s, 4 s … up to {@link #MAX_BACKOFF} after its
 * failures, and after a failure the sender is left alone for as long before anything else is tried
 * (a server that is down costs one attempt per back-off, not one per waiting message). A message
 * the sender can never deliver (no address, a permanent 5xx refusal) is a skip with the reason.
 */
public final class InvitationService {

  private static final Logger LOG = LoggerFactory.getLogger(InvitationService.class);

  /** A message and the record written once the sender accepted it. */
  record Outgoing(Sender.Message message, InvitationLog.Invited record) {}

  /** The longest wait between two attempts. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

  /** A message waiting for its next attempt. */
  private record Waiting(Outgoing outgoing, int failures, Instant nextAttempt) {}

  private final InvitationPlanner planner;
  private final InvitationPolicy policy;
  private final SurveyLinks links;
  private final InvitationLog log;
  private final Sender sender;
  private final String baseUrl;
  private final Duration validity;
  private final List<Waiting> unsent = new ArrayList<>();
  private final UnsentInvitations kept;
  private long invited;
  private long skipped;
  private int senderFailures;
  private Instant senderPausedUntil;

  public InvitationService(
      InvitationPolicy policy,
      SurveyLinks links,
      InvitationLog log,
      Sender sender,
      String baseUrl,
      Duration validity,
      Path unsentFolder) {
    this.planner = new InvitationPlanner(policy);
    this.policy = policy;
    this.links = links;
    this.log = log;
    this.sender = sender;
    this.baseUrl = baseUrl;
    this.validity = validity;
    this.kept = new UnsentInvitations(unsentFolder);
    this.senderPausedUntil = Instant.MIN;
    kept.load().forEach(outgoing -> unsent.add(new Waiting(outgoing, 0, Instant.MIN)));
    if (!unsent.isEmpty()) {
      LOG.info("{} invitations not sent before the last stop will be sent again", unsent.size());
    }
  }

  /**
   * @return whether the event now awaits its decision (a resolution planned for later); until then
   *     its offset must not be committed
   */
  public synchronized boolean onEvent(TicketEvent event) {
    return planner.apply(event);
  }

  /** Whether the resolution with this event id is still waiting for its decision. */
  public synchronized boolean awaits(String eventId) {
    return planner.awaits(eventId);
  }

  /**
   * Writes the invitations and skips decided so far to ClickHouse; throws if it cannot. The offsets
   * of the events they came from may be committed once this returned.
   */
  public void flushRecords() {
    log.flush();
  }

  /** Makes the decisions due by {@code now}; returns how many invitations went out. */
  public synchronized int tick(Instant now) {
    int sent = 0;
    List<Waiting> retries = List.copyOf(unsent);
    unsent.clear();
    for (Waiting waiting : retries) {
      if (waiting.nextAttempt().isAfter(now)) {
        unsent.add(waiting);
      } else {
        sent += attempt(waiting, now) ? 1 : 0;
      }
    }
    for (InvitationPlanner.Decision decision : planner.due(now)) {
      if (decision.invite()) {
        sent += attempt(new Waiting(prepare(decision), 0, now), now) ? 1 : 0;
      } else {
        log.skipped(
            new InvitationLog.Skipped(
                decision.ticketId(),
                nullToEmpty(decision.customerId()),
                decision.reason(),
                decision.at()));
        skipped++;
      }
    }
    return sent;
  }

  public synchronized long invited() {
    return invited;
  }

  public synchronized long skipped() {
    return skipped;
  }

  /** Invitations the sender has not accepted yet; they are tried again at every tick. */
  public synchronized int unsent() {
    return unsent.size();
  }

  /** Tries the message unless the sender is resting after a failure; false if it did not go out. */
  private boolean attempt(Waiting waiting, Instant now) {
    Outgoing outgoing = waiting.outgoing();
    if (senderPausedUntil.isAfter(now)) {
      kept.keep(outgoing);
      unsent.add(waiting);
      return false;
    }
    try {
      sender.send(outgoing.message());
    } catch (Sender.Undeliverable e) {
      kept.remove(outgoing.message().invitationId());
      InvitationLog.Invited record = outgoing.record();
      log.skipped(
          new InvitationLog.Skipped(
              record.ticketId(), record.customerId(), e.getMessage(), record.invitedAt()));
      skipped++;
      senderFailures = 0;
      return false;
    } catch (RuntimeException e) {
      kept.keep(outgoing);
      int failures = waiting.failures() + 1;
      senderFailures++;
      senderPausedUntil = now.plus(backoff(senderFailures));
      Instant next = now.plus(backoff(failures));
      unsent.add(new Waiting(outgoing, failures, next));
      LOG.warn(
          "invitation {} not sent yet (failure {}), next attempt at {}: {}",
          outgoing.message().invitationId(),
          failures,
          next,
          e.getMessage());
      return false;
    }
    senderFailures = 0;
    log.invited(outgoing.record());
    kept.remove(outgoing.message().invitationId());
    invited++;
    return true;
  }

  /** 1 s after the first failure, doubling, at most {@link #MAX_BACKOFF}. */
  static Duration backoff(int failures) {
    if (failures >= 20) {
      return MAX_BACKOFF;
    }
    Duration wait = Duration.ofSeconds(1L << Math.max(0, failures - 1));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  private Outgoing prepare(InvitationPlanner.Decision decision) {
    TicketEvent resolution = decision.resolution();
    String language = "fa".equals(resolution.language()) ? "fa" : "en";
    String token = links.issue(policy.kind(), validity);
    SurveyLinks.Invitation invitation = links.verify(token);
    String link = baseUrl + "/s/" + token + "?lang=" + language;
    Map<Integer, String> oneClick = new LinkedHashMap<>();
    for (int score = policy.kind().lowest(); score <= policy.kind().highest(); score++) {
      oneClick.put(score, link + "&score=" + score);
    }
    InvitationLog.Invited record =
        new InvitationLog.Invited(
            invitation.invitationId(),
            policy.kind(),
            resolution.ticketId(),
            decision.customerId(),
            resolution.channel().wire(),
            nullToEmpty(resolution.team()),
            nullToEmpty(resolution.agentId()),
            language,
            decision.at(),
            invitation.expiresAt());
    Sender.Message message =
        new Sender.Message(
            invitation.invitationId(),
            decision.customerId(),
            resolution.channel(),
            policy.kind(),
            language,
            link,
            oneClick);
    return new Outgoing(message, record);
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
