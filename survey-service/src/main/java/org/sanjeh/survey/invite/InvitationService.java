package org.sanjeh.survey.invite;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.survey.link.SurveyLinks;

/**
 * From ticket events to invitations: the planner decides, this service issues the signed link,
 * records the invitation (or the skip and its reason) and hands the message to the sender.
 */
public final class InvitationService {

  private final InvitationPlanner planner;
  private final InvitationPolicy policy;
  private final SurveyLinks links;
  private final InvitationLog log;
  private final Sender sender;
  private final String baseUrl;
  private final Duration validity;
  private long invited;
  private long skipped;

  public InvitationService(
      InvitationPolicy policy,
      SurveyLinks links,
      InvitationLog log,
      Sender sender,
      String baseUrl,
      Duration validity) {
    this.planner = new InvitationPlanner(policy);
    this.policy = policy;
    this.links = links;
    this.log = log;
    this.sender = sender;
    this.baseUrl = baseUrl;
    this.validity = validity;
  }

  public synchronized void onEvent(TicketEvent event) {
    planner.apply(event);
  }

  /** Makes the decisions due by {@code now}; returns how many invitations went out. */
  public synchronized int tick(Instant now) {
    int sent = 0;
    for (InvitationPlanner.Decision decision : planner.due(now)) {
      if (decision.invite()) {
        invite(decision);
        sent++;
        invited++;
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

  private void invite(InvitationPlanner.Decision decision) {
    TicketEvent resolution = decision.resolution();
    String language = "fa".equals(resolution.language()) ? "fa" : "en";
    String token = links.issue(policy.kind(), validity);
    SurveyLinks.Invitation invitation = links.verify(token);
    String link = baseUrl + "/s/" + token + "?lang=" + language;
    Map<Integer, String> oneClick = new LinkedHashMap<>();
    for (int score = policy.kind().lowest(); score <= policy.kind().highest(); score++) {
      oneClick.put(score, link + "&score=" + score);
    }
    log.invited(
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
            invitation.expiresAt()));
    sender.send(
        new Sender.Message(
            invitation.invitationId(),
            decision.customerId(),
            resolution.channel(),
            policy.kind(),
            language,
            link,
            oneClick));
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
