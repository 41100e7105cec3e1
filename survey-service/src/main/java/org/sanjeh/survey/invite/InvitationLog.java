package org.sanjeh.survey.invite;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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

  /** Rows per table held while ClickHouse does not take them, by default. */
  public static final int CAPACITY = 100_000;

  private final Warehouse warehouse;
  private final int capacity;
  private final BatchedWriter<Invited> invited;
  private final BatchedWriter<Skipped> skipped;

  public InvitationLog(Warehouse warehouse) {
    this(warehouse, CAPACITY);
  }

  /**
   * @param capacity rows per table held while ClickHouse does not take them; once one table's
   *     buffer is full, {@link #hasRoom} is false and new rows are refused
   */
  public InvitationLog(Warehouse warehouse, int capacity) {
    this.warehouse = warehouse;
    this.capacity = capacity;
    BatchedWriter.Settings settings =
        new BatchedWriter.Settings(Math.min(10_000, capacity), Duration.ofSeconds(1), capacity);
    this.invited =
        new BatchedWriter<>(
            warehouse, List.of(INVITED), row -> Optional.empty(), (row, reason) -> {}, settings);
    this.skipped =
        new BatchedWriter<>(
            warehouse, List.of(SKIPPED), row -> Optional.empty(), (row, reason) -> {}, settings);
  }

  /** Whether both tables' buffers can take another row (false while ClickHouse is down long). */
  public boolean hasRoom() {
    return invited.rowsBuffered() < capacity && skipped.rowsBuffered() < capacity;
  }

  /**
   * The invitations and skips ClickHouse already has for these tickets, as {@link #key} values
   * (ticket and decision time to the second, as stored).
   *
   * @throws org.sanjeh.warehouse.WarehouseException when ClickHouse cannot be asked
   */
  public Set<String> recorded(Collection<String> ticketIds) {
    if (ticketIds.isEmpty()) {
      return Set.of();
    }
    List<String> tickets = ticketIds.stream().distinct().toList();
    String placeholders = String.join(",", Collections.nCopies(tickets.size(), "?"));
    String sql =
        "SELECT ticket_id, toUInt32(invited_at) FROM survey_invitations WHERE ticket_id IN ("
            + placeholders
            + ") UNION ALL SELECT ticket_id, toUInt32(decided_at) FROM survey_skips"
            + " WHERE ticket_id IN ("
            + placeholders
            + ")";
    List<String> parameters = new ArrayList<>(tickets);
    parameters.addAll(tickets);
    return new HashSet<>(
        warehouse.query(
            sql, parameters, r -> key(r.getString(1), Instant.ofEpochSecond(r.getLong(2)))));
  }

  /** A decision's identity in the log: its ticket and its time to the second. */
  static String key(String ticketId, Instant at) {
    return at.getEpochSecond() + " " + ticketId;
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
