package org.sanjeh.survey.invite;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.survey.SurveyProperties;
import org.sanjeh.survey.link.SurveyLinks;
import org.sanjeh.warehouse.WarehouseException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/invitations}: an invitation for one resolved ticket, with its signed link, for
 * callers that decide themselves (a CRM, a test). Recorded like the ones the event stream makes.
 */
@RestController
@RequestMapping("/v1/invitations")
class InvitationsController {

  /** What the caller knows about the ticket. */
  record NewInvitation(
      @NotBlank String ticketId,
      @NotBlank String customerId,
      @NotNull SurveyKind kind,
      String channel,
      String team,
      String agentId,
      @Pattern(regexp = "en|fa", message = "must be en or fa") String language) {}

  record Invited(String invitationId, String link, Instant expiresAt) {}

  static final int RETRY_AFTER_SECONDS = 30;

  private final SurveyLinks links;
  private final SurveyProperties properties;
  private final Clock clock;
  private final InvitationLog log;

  InvitationsController(
      SurveyLinks links, SurveyProperties properties, Clock clock, InvitationLog log) {
    this.links = links;
    this.properties = properties;
    this.clock = clock;
    this.log = log;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Invited invite(@Valid @RequestBody NewInvitation request) {
    if (!log.hasRoom()) {
      // ClickHouse has not taken invitations for long enough that the log is full: issuing a
      // link now would hand out an invitation that is not recorded.
      throw notRecordableNow();
    }
    String token = links.issue(request.kind(), properties.linkValidity());
    SurveyLinks.Invitation invitation = links.verify(token);
    String language = request.language() == null ? "en" : request.language();
    try {
      log.invited(
          new InvitationLog.Invited(
              invitation.invitationId(),
              request.kind(),
              request.ticketId(),
              request.customerId(),
              request.channel(),
              request.team(),
              request.agentId(),
              language,
              clock.instant(),
              invitation.expiresAt()));
    } catch (WarehouseException full) {
      throw notRecordableNow();
    }
    return new Invited(
        invitation.invitationId(),
        properties.baseUrl() + "/s/" + token + "?lang=" + language,
        invitation.expiresAt());
  }

  private static ErrorResponseException notRecordableNow() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "the warehouse has not taken invitations for a while, so no new one can be recorded;"
                + " retry after the Retry-After seconds");
    problem.setTitle("Invitations cannot be recorded now");
    ErrorResponseException refusal =
        new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
    refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    return refusal;
  }
}
