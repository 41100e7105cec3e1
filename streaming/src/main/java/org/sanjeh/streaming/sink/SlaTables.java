package org.sanjeh.streaming.sink;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.streaming.metrics.Dimensions;
import org.sanjeh.streaming.metrics.Grain;
import org.sanjeh.streaming.metrics.MinuteAggregate;
import org.sanjeh.streaming.sla.SlaAlert;
import org.sanjeh.streaming.sla.SlaUpdate;
import org.sanjeh.streaming.sla.TargetRow;
import org.sanjeh.streaming.source.Decoded;
import org.sanjeh.warehouse.RowBinaryOut;
import org.sanjeh.warehouse.write.BatchedWriter;
import org.sanjeh.warehouse.write.DeadLetter;
import org.sanjeh.warehouse.write.TicketEventTables;

/**
 * The job's outputs as ClickHouse rows (tables defined in warehouse migrations V008, V013, V014 and
 * V020).
 */
public final class SlaTables {

  private SlaTables() {}

  /** A table's columns: its own, with the {@link Dimensions#COLUMNS} in their place. */
  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
  }

  /** {@code sla_tickets}: one row per SLA state change. */
  public static final class Tickets
      implements ClickHouseSink.Rows<SlaUpdate, SlaUpdate>, BatchedWriter.Table<SlaUpdate> {
    public static final Tickets ROWS = new Tickets();
    private static final long serialVersionUID = 1L;

    private Tickets() {}

    @Override
    public List<BatchedWriter.Table<SlaUpdate>> tables() {
      return List.of(this);
    }

    @Override
    public SlaUpdate toRow(SlaUpdate element) {
      return element;
    }

    @Override
    public boolean coalesces() {
      return true;
    }

    @Override
    public String key(SlaUpdate row) {
      return row.ticketId;
    }

    @Override
    public long version(SlaUpdate row) {
      return row.version;
    }

    @Override
    public String name() {
      return "sla_tickets";
    }

    @Override
    public List<String> columns() {
      return concat(
          List.of("ticket_id", "as_of", "policy"),
          Dimensions.COLUMNS,
          List.of(
              "customer_tier",
              "ticket_status",
              "fr_status",
              "fr_target_s",
              "fr_started_at",
              "fr_due_at",
              "fr_fulfilled_at",
              "fr_business_s",
              "fr_calendar_s",
              "fr_paused_s",
              "nr_status",
              "nr_target_s",
              "nr_started_at",
              "nr_due_at",
              "nr_fulfilled_at",
              "nr_business_s",
              "nr_calendar_s",
              "nr_paused_s",
              "nr_cycles",
              "nr_longest_s",
              "res_status",
              "res_target_s",
              "res_started_at",
              "res_due_at",
              "res_fulfilled_at",
              "res_business_s",
              "res_calendar_s",
              "res_paused_s",
              "nr_breached",
              "res_first_fulfilled_at",
              "res_first_business_s",
              "res_first_calendar_s",
              "removed",
              "bot_only",
              "pu_cycles",
              "pu_longest_s",
              "requester_wait_s",
              "agent_work_s",
              "version"));
    }

    @Override
    public void write(SlaUpdate u, RowBinaryOut out) throws IOException {
      out.string(u.ticketId);
      out.dateTimeMillis(u.asOf);
      out.string(u.policy);
      u.dimensions.write(out);
      out.string(u.customerTier);
      out.string(u.ticketStatus);
      target(u.firstResponse, out);
      target(u.nextResponse, out);
      out.uint32(u.nextResponseCycles);
      out.float64(seconds(u.nextResponseLongestMs));
      target(u.resolution, out);
      out.uint32(u.nextResponseBreached);
      out.dateTimeMillis(u.firstResolvedAt);
      out.float64(seconds(u.firstResolutionBusinessMs));
      out.float64(seconds(u.firstResolutionCalendarMs));
      out.string(u.removed);
      out.uint8(u.botOnly ? 1 : 0);
      out.uint32(u.periodicUpdates);
      out.float64(seconds(u.longestPeriodicUpdateMs));
      out.float64(seconds(u.requesterWaitMs));
      out.float64(seconds(u.agentWorkMs));
      out.uint64(u.version);
    }

    private static void target(TargetRow t, RowBinaryOut out) throws IOException {
      out.string(t.status);
      out.uint32(t.targetSeconds);
      out.dateTimeMillis(t.startedAt);
      out.dateTimeMillis(t.dueAt);
      out.dateTimeMillis(t.fulfilledAt);
      out.float64(seconds(t.businessMs));
      out.float64(seconds(t.calendarMs));
      out.float64(seconds(t.pausedMs));
    }
  }

  /** {@code sla_alerts}. */
  public static final class Alerts
      implements ClickHouseSink.Rows<SlaAlert, SlaAlert>, BatchedWriter.Table<SlaAlert> {
    public static final Alerts ROWS = new Alerts();
    private static final long serialVersionUID = 1L;

    private Alerts() {}

    @Override
    public List<BatchedWriter.Table<SlaAlert>> tables() {
      return List.of(this);
    }

    @Override
    public SlaAlert toRow(SlaAlert element) {
      return element;
    }

    @Override
    public String name() {
      return "sla_alerts";
    }

    @Override
    public List<String> columns() {
      return concat(
          List.of("alert_id", "ticket_id", "target", "kind", "at", "at_ms", "due_at", "policy"),
          Dimensions.COLUMNS);
    }

    @Override
    public void write(SlaAlert a, RowBinaryOut out) throws IOException {
      out.string(a.alertId);
      out.string(a.ticketId);
      out.string(a.target);
      out.string(a.kind);
      out.dateTimeMillis(a.at);
      out.uint16((int) Math.floorMod(a.at, 1000L));
      out.dateTimeMillis(a.dueAt);
      out.string(a.policy);
      a.dimensions.write(out);
    }
  }

  /**
   * {@code sla_minute} and {@code sla_quarter}: the aggregates of one {@link Grain}, one table per
   * grain with its time column and dimension columns.
   */
  public record Aggregates(Grain grain)
      implements ClickHouseSink.Rows<MinuteAggregate, MinuteAggregate>,
          BatchedWriter.Table<MinuteAggregate> {
    public static final Aggregates MINUTES = new Aggregates(Grain.MINUTE);
    public static final Aggregates QUARTERS = new Aggregates(Grain.QUARTER_HOUR);

    @Override
    public List<BatchedWriter.Table<MinuteAggregate>> tables() {
      return List.of(this);
    }

    @Override
    public MinuteAggregate toRow(MinuteAggregate element) {
      return element;
    }

    @Override
    public boolean coalesces() {
      return true;
    }

    @Override
    public String key(MinuteAggregate row) {
      return row.minute + "|" + row.dimensions.key();
    }

    @Override
    public long version(MinuteAggregate row) {
      return row.version;
    }

    @Override
    public String name() {
      return grain.table();
    }

    @Override
    public List<String> columns() {
      return concat(
          List.of(grain.timeColumn()),
          grain.dimensionColumns(),
          List.of(
              "created",
              "first_responses",
              "frt_sum_s",
              "frt_buckets",
              "frt_counts",
              "breaches",
              "solved",
              "reopened",
              "backlog_delta",
              "version"));
    }

    @Override
    public void write(MinuteAggregate m, RowBinaryOut out) throws IOException {
      out.dateTimeMillis(m.minute);
      grain.writeDimensions(m.dimensions, out);
      out.uint32(m.created);
      out.uint32(m.firstResponses);
      out.float64(seconds(m.frtSumMs));
      writeSparse(m.frtHistogram, out);
      out.uint32(m.breaches);
      out.uint32(m.solved);
      out.uint32(m.reopened);
      out.int32(m.backlogDelta);
      out.uint64(m.version);
    }
  }

  /** Records that were not ticket events go to {@code dead_letters} with the reason. */
  public enum DeadLetters implements ClickHouseSink.Rows<Decoded, DeadLetter> {
    ROWS;

    @Override
    public List<BatchedWriter.Table<DeadLetter>> tables() {
      return List.of(DeadLetter.TABLE);
    }

    @Override
    public DeadLetter toRow(Decoded d) {
      return new DeadLetter(Instant.ofEpochMilli(d.publishedAt), d.origin, 0, d.payload, d.reason);
    }
  }

  /**
   * The whole events, texts and tags included, into {@code ticket_events} and {@code
   * ticket_messages} (decoded again from the payload: the SLA path carries only what it needs).
   */
  public record RawEvents(String businessZone)
      implements ClickHouseSink.Rows<Decoded, TicketEvent> {

    @Override
    public List<BatchedWriter.Table<TicketEvent>> tables() {
      TicketEventTables tables = new TicketEventTables(ZoneId.of(businessZone), Clock.systemUTC());
      return List.of(tables.events(), tables.messages());
    }

    @Override
    public TicketEvent toRow(Decoded element) {
      return Codec.INSTANCE.decode(element.payload).orThrow();
    }

    @Override
    public Optional<String> problem(TicketEvent row) {
      return TicketEventTables.storageProblem(row);
    }

    private static final class Codec {
      static final TicketEventCodec INSTANCE = new TicketEventCodec();
    }
  }

  /** The histogram's non-zero buckets: their numbers, then their counts (merge with sumMap). */
  private static void writeSparse(int[] histogram, RowBinaryOut out) throws IOException {
    int used = 0;
    for (int count : histogram) {
      used += count == 0 ? 0 : 1;
    }
    int[] buckets = new int[used];
    int[] counts = new int[used];
    for (int i = 0, j = 0; i < histogram.length; i++) {
      if (histogram[i] != 0) {
        buckets[j] = i;
        counts[j++] = histogram[i];
      }
    }
    out.uint8Array(buckets);
    out.uint32Array(counts);
  }

  private static double seconds(long millis) {
    return millis < 0 ? 0 : millis / 1000.0;
  }
}
