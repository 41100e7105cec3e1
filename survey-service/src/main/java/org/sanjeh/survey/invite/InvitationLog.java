package org.sanjeh.survey.invite;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.warehouse.RowBinaryOut;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.write.BatchedWriter;

/** Every invitation and every skip, into ClickHouse in batches (within a second). */
public final class InvitationLog implements AutoCloseable {

  /** An invitation sent, with what scores are grouped by. */
  public record Invited(
      String invitationId,
      SurveyKind kind,
      String ticketId,
      String customerId,
      String channel,
      String team,
      String agentId,
      String language,
      Instant invitedAt,
      Instant expiresAt) {}

  /** A resolved ticket whose customer was not invited, and why. */
  public record Skipped(String ticketId, String customerId, String reason, Instant decidedAt) {}

  private final BatchedWriter<Invited> invited;
  private final BatchedWriter<Skipped> skipped;

  public InvitationLog(Warehouse warehouse) {
    BatchedWriter.Settings settings =
        new BatchedWriter.Settings(10_000, Duration.ofSeconds(1), 100_000);
    this.invited =
        new BatchedWriter<>(
            warehouse, List.of(INVITED), row -> Optional.empty(), (row, reason) -> {}, settings);
    this.skipped =
        new BatchedWriter<>(
            warehouse, List.of(SKIPPED), row -> Optional.empty(), (row, reason) -> {}, settings);
  }

  public void invited(Invited row) {
    invited.add(row);
  }

  public void skipped(Skipped row) {
    skipped.add(row);
  }

  public void flush() {
    invited.flush();
    skipped.flush();
  }

  @Override
  public void close() {
    try {
      invited.close();
    } finally {
      skipped.close();
    }
  }

  private static final BatchedWriter.Table<Invited> INVITED =
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
        public void write(Invited row, RowBinaryOut out) throws IOException {
          out.string(row.invitationId());
          out.string(row.kind().name().toLowerCase(Locale.ROOT));
          out.string(row.ticketId());
          out.string(row.customerId());
          out.string(row.channel());
          out.string(row.team());
          out.string(row.agentId());
          out.string(row.language());
          out.dateTime(row.invitedAt());
          out.dateTime(row.expiresAt());
        }
      };

  private static final BatchedWriter.Table<Skipped> SKIPPED =
      new BatchedWriter.Table<>() {
        @Override
        public String name() {
          return "survey_skips";
        }

        @Override
        public List<String> columns() {
          return List.of("ticket_id", "customer_id", "reason", "decided_at");
        }

        @Override
        public void write(Skipped row, RowBinaryOut out) throws IOException {
          out.string(row.ticketId());
          out.string(row.customerId());
          out.string(row.reason());
          out.dateTime(row.decidedAt());
        }
      };
}
