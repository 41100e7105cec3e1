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
 * message the sender could not deliver (mail server down, full disk) is kept, with its link, and
 * tried again at every tick until it goes out; it is kept on disk ({@link UnsentInvitations}) so a
 * restart does not drop it either.
 */
public final class InvitationService {

  private static final Logger LOG = LoggerFactory.getLogger(InvitationService.class);

  /** A message and the record written once the sender accepted it. */
  record Outgoing(Sender.Message message, InvitationLog.Invited record) {}

  private final InvitationPlanner planner;
  private final InvitationPolicy policy;
  private final SurveyLinks links;
  private final InvitationLog log;
  private final Sender sender;
  private final String baseUrl;
  private final Duration validity;
  private final List<Outgoing> unsent = new ArrayList<>();
  private final UnsentInvitations kept;
  private long invited;
  private long skipped;

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
    unsent.addAll(kept.load());
    if (!unsent.isEmpty()) {
      LOG.info("{} invitations not sent before the last stop will be sent again", unsent.size());
    }
  }

  public synchronized void onEvent(TicketEvent event) {
    planner.apply(event);
  }

  /** Makes the decisions due by {@code now}; returns how many invitations went out. */
  public synchronized int tick(Instant now) {
    int sent = 0;
    List<Outgoing> retries = List.copyOf(unsent);
    unsent.clear();
    for (Outgoing outgoing : retries) {
      sent += deliver(outgoing) ? 1 : 0;
    }
    for (InvitationPlanner.Decision decision : planner.due(now)) {
      if (decision.invite()) {
        sent += deliver(prepare(decision)) ? 1 : 0;
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

  private boolean deliver(Outgoing outgoing) {
    try {
      sender.send(outgoing.message());
    } catch (Sender.Undeliverable e) {
      kept.remove(outgoing.message().invitationId());
      InvitationLog.Invited record = outgoing.record();
      log.skipped(
          new InvitationLog.Skipped(
              record.ticketId(), record.customerId(), e.getMessage(), record.invitedAt()));
      skipped++;
      return false;
    } catch (RuntimeException e) {
      LOG.warn(
          "invitation {} not sent yet, will try again: {}",
          outgoing.message().invitationId(),
          e.getMessage());
      kept.keep(outgoing);
      unsent.add(outgoing);
      return false;
    }
    log.invited(outgoing.record());
    kept.remove(outgoing.message().invitationId());
    invited++;
    return true;
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
