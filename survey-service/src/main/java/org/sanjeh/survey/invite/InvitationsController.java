package org.sanjeh.survey.invite;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.survey.SurveyProperties;
import org.sanjeh.survey.link.SurveyLinks;
import org.sanjeh.warehouse.RowBinaryOut;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.write.BatchedWriter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/invitations}: an invitation for one resolved ticket, with its signed link.
 * Recorded in ClickHouse {@code survey_invitations} (in batches, within a second) for response
 * rates and for grouping scores by team, channel and agent.
 */
@RestController
@RequestMapping("/v1/invitations")
class InvitationsController implements AutoCloseable {

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

  private record Row(
      String invitationId, NewInvitation request, Instant invitedAt, Instant expiresAt) {}

  private final SurveyLinks links;
  private final SurveyProperties properties;
  private final Clock clock;
  private final BatchedWriter<Row> writer;

  InvitationsController(
      SurveyLinks links, SurveyProperties properties, Clock clock, Warehouse warehouse) {
    this.links = links;
    this.properties = properties;
    this.clock = clock;
    this.writer =
        new BatchedWriter<>(
            warehouse,
            List.of(TABLE),
            row -> Optional.empty(),
            (row, reason) -> {},
            new BatchedWriter.Settings(10_000, Duration.ofSeconds(1), 100_000));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Invited invite(@Valid @RequestBody NewInvitation request) {
    String token = links.issue(request.kind(), properties.linkValidity());
    SurveyLinks.Invitation invitation = links.verify(token);
    writer.add(
        new Row(invitation.invitationId(), request, clock.instant(), invitation.expiresAt()));
    String language = request.language() == null ? "en" : request.language();
    return new Invited(
        invitation.invitationId(),
        properties.baseUrl() + "/s/" + token + "?lang=" + language,
        invitation.expiresAt());
  }

  @Override
  public void close() {
    writer.close();
  }

  private static final BatchedWriter.Table<Row> TABLE =
      new BatchedWriter.Table<>() {
        @Override
        public String name() {
          return "survey_invitations";
        }

        @Override
        public List<String> columns() {
          return List.of(
              "invitation_id",
              "kind",
              "ticket_id",
              "customer_id",
              "channel",
              "team",
              "agent_id",
              "language",
              "invited_at",
              "expires_at");
        }

        @Override
        public void write(Row row, RowBinaryOut out) throws IOException {
          NewInvitation r = row.request();
          out.string(row.invitationId());
          out.string(r.kind().name().toLowerCase(Locale.ROOT));
          out.string(r.ticketId());
          out.string(r.customerId());
          out.string(r.channel());
          out.string(r.team());
          out.string(r.agentId());
          out.string(r.language());
          out.dateTime(row.invitedAt());
          out.dateTime(row.expiresAt());
        }
      };
}
