package org.sanjeh.streaming.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.core.event.WireValue;
import org.sanjeh.core.sla.Breach;
import org.sanjeh.core.sla.PolicyFile;
import org.sanjeh.core.sla.SlaClock;
import org.sanjeh.core.sla.SlaPolicy;
import org.sanjeh.core.sla.SlaState;
import org.sanjeh.core.sla.SlaStatus;
import org.sanjeh.core.sla.SlaTarget;
import org.sanjeh.core.sla.TargetReport;
import org.sanjeh.core.util.Hashes;
import org.sanjeh.streaming.metrics.Dimensions;
import org.sanjeh.streaming.metrics.MetricFact;
import org.sanjeh.streaming.source.Decoded;
import org.sanjeh.streaming.source.SlaEvent;

/**
 * Drives one ticket's {@link SlaClock} (keyed by ticket id). For every event it emits the ticket's
 * SLA state as a {@link SlaUpdate}, alerts on the {@link #ALERTS} side output and countable facts
 * on {@link #FACTS}; event-time timers at the next at-risk or breach instant emit them when no
 * event comes.
 *
 * <p>The results do not depend on when a timer fires relative to the events (the watermark is the
 * minimum over Kafka partitions, so a reply can arrive before the timer for a deadline it missed):
 * before applying an event at t, every threshold its clocks crossed before t is alerted at the
 * instant it was crossed, exactly what the timer would have done. A deadline reached at the very
 * millisecond of a reply is met (as {@link SlaStatus#ACHIEVED} says), so timers are set one
 * millisecond after it. Rows carry their event time as version, so replays and restarts converge.
 *
 * <p>Solved tickets are forgotten {@code retention} of event time after they were solved (a later
 * reopen starts afresh).
 */
public final class SlaFunction extends KeyedProcessFunction<String, SlaEvent, SlaUpdate> {

  public static final OutputTag<SlaAlert> ALERTS = new OutputTag<>("sla-alerts") {};
  public static final OutputTag<MetricFact> FACTS = new OutputTag<>("sla-facts") {};

  /** Events later than the allowed lateness, as dead letters with the reason. */
  public static final OutputTag<Decoded> TOO_LATE = new OutputTag<>("sla-too-late") {};

  /**
   * One line per event not applied as it came: {@link #LATE}, {@link #DUPLICATE}, {@link #DROPPED}.
   */
  public static final OutputTag<String> EVENT_NOTES = new OutputTag<>("sla-event-notes") {};

  public static final String LATE = "late";
  public static final String DUPLICATE = "duplicate";
  public static final String DROPPED = "dropped";

  /** The default allowed lateness: an event up to a week older than its ticket's newest. */
  public static final Duration DEFAULT_LATENESS = Duration.ofDays(7);

  private static final SlaTarget[] TARGETS = SlaTarget.values();
  private static final TicketEventCodec CODEC = new TicketEventCodec();

  private final String policyJson;
  private final long retentionMs;
  private final long latenessMs;

  private transient SlaPolicy policy;
  private transient PolicyFile.Loaded loaded;
  private transient ValueState<TicketMemory> memory;
  private transient Counter lateEvents;
  private transient Counter duplicateEvents;
  private transient Counter droppedEvents;

  /** The facts of the element or timer at hand, combined before they go out. */
  private transient List<MetricFact> facts;

  /**
   * @param policyJson the policy file's text ({@link PolicyFile}); parsed once per task
   * @param retention how long a solved ticket's state is kept for a reopen
   */
  public SlaFunction(String policyJson, Duration retention) {
    this(policyJson, retention, DEFAULT_LATENESS);
  }

  /**
   * @param allowedLateness how much older than its ticket's newest event an event may be and still
   *     be put in its place (the clocks rebuilt); an older one goes to the dead letters
   */
  public SlaFunction(String policyJson, Duration retention, Duration allowedLateness) {
    this.policyJson = policyJson;
    this.retentionMs = retention.toMillis();
    this.latenessMs = allowedLateness.toMillis();
    PolicyFile.parse(policyJson, "SLA policy"); // fail when the job is built, not on the cluster
  }

  @Override
  public void open(OpenContext context) {
    loaded = PolicyFile.parse(policyJson, "SLA policy");
    policy = loaded.policy();
    memory = getRuntimeContext().getState(new ValueStateDescriptor<>("ticket", TicketMemory.class));
    lateEvents = getRuntimeContext().getMetricGroup().counter("lateEventsReordered");
    duplicateEvents = getRuntimeContext().getMetricGroup().counter("duplicateEventsIgnored");
    droppedEvents = getRuntimeContext().getMetricGroup().counter("lateEventsDropped");
    facts = new ArrayList<>();
  }

  @Override
  public void processElement(SlaEvent event, Context ctx, Collector<SlaUpdate> out)
      throws Exception {
    apply(event, ctx, out);
    emitFacts(ctx);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<SlaUpdate> out)
      throws Exception {
    fire(timestamp, ctx, out);
    emitFacts(ctx);
  }

  private void apply(SlaEvent event, Context ctx, Collector<SlaUpdate> out) throws Exception {
    TicketMemory m = memory.value();
    if (m == null) {
      m = new TicketMemory();
    }
    long at = event.occurredAt;
    if (m.log.length == 0 && m.base == null && m.sla.lastEventAt >= 0) {
      // state written before events were kept: it is where a rebuild starts
      m.base = m.sla.copy();
      m.foldedUpTo = m.sla.lastEventAt;
    }
    if (m.logged(event.eventId) || Arrays.asList(m.sla.recentIds).contains(event.eventId)) {
      m.sla.duplicateEventsIgnored++;
      duplicateEvents.inc();
      ctx.output(EVENT_NOTES, DUPLICATE);
    } else if (at < m.sla.lastEventAt - latenessMs || at < m.foldedUpTo) {
      drop(event, m, ctx);
    } else if (at < m.sla.lastEventAt) {
      reorder(event, m, ctx, out);
    } else {
      applyInOrder(event, m, ctx, out);
    }
    memory.update(m);
  }

  private void applyInOrder(SlaEvent event, TicketMemory m, Context ctx, Collector<SlaUpdate> out) {
    long at = event.occurredAt;
    SlaClock clock = SlaClock.restore(m.sla, policy, loaded.calendar());
    alertCrossingsBefore(at, reports(clock, at), clock, m, ctx);

    boolean wasSolved = m.sla.solved;
    boolean hadFirstResponse = m.sla.firstResponse.fulfilledAt >= 0;
    clock.apply(event.toTicketEvent()); // in order and not a duplicate: applied
    m.insert(event);
    fold(m, at - latenessMs);
    noteAttributes(event, m);
    TargetReport[] after = reports(clock, at);
    if (m.lastEmitAt > at) {
      // a timer ran ahead of this event (another partition moved the watermark on): what it
      // alerted may be wrong now
      withdrawDisprovedAlerts(m.lastEmitAt, reports(clock, m.lastEmitAt), clock, m, ctx);
    }
    countFacts(event, after, clock, m, wasSolved, hadFirstResponse, ctx);
    alertRecoveries(at, after, clock, m, ctx);
    // a new target (a priority change) can put a deadline in the past: alert it now, not later
    alertCrossingsBefore(at, after, clock, m, ctx);
    emitRow(ctx, out, after, clock, m, at);
    scheduleTimers(Math.max(at, m.lastEmitAt), clock, m, ctx);
  }

  /**
   * An event older than its ticket's newest, within the allowed lateness: put in its place and the
   * ticket's clocks rebuilt, so the result is what event-time order gives. Alerts the new order
   * proves wrong are withdrawn (and their breach facts taken back), a first response it moves is
   * counted again, and the row goes out with a higher version than any before it.
   */
  private void reorder(SlaEvent event, TicketMemory m, Context ctx, Collector<SlaUpdate> out) {
    m.sla.lateEventsIgnored++;
    lateEvents.inc();
    ctx.output(EVENT_NOTES, LATE);
    long asOf = Math.max(m.sla.lastEventAt, m.lastEmitAt);
    SlaClock old = SlaClock.restore(m.sla, policy, loaded.calendar());
    TargetReport oldFirst = old.report(SlaTarget.FIRST_RESPONSE, Instant.ofEpochMilli(asOf));
    boolean wasSolved = m.sla.solved;

    m.insert(event);
    SlaState rebuilt = m.base == null ? new SlaState() : m.base.copy();
    SlaClock clock = SlaClock.restore(rebuilt, policy, loaded.calendar());
    for (SlaEvent e : m.log) {
      clock.apply(e.toTicketEvent());
    }
    rebuilt.lateEventsIgnored = m.sla.lateEventsIgnored;
    rebuilt.duplicateEventsIgnored = m.sla.duplicateEventsIgnored;
    m.sla = rebuilt;

    TargetReport[] after = reports(clock, asOf);
    withdrawDisprovedAlerts(asOf, after, clock, m, ctx);
    recountFirstResponse(oldFirst, after[SlaTarget.FIRST_RESPONSE.ordinal()], event, clock, m);
    countFacts(event, after, clock, m, wasSolved, true, ctx);
    alertRecoveries(asOf, after, clock, m, ctx);
    alertCrossingsBefore(asOf, after, clock, m, ctx);
    emitRow(ctx, out, after, clock, m, asOf);
    scheduleTimers(asOf, clock, m, ctx);
  }

  private void drop(SlaEvent event, TicketMemory m, Context ctx) {
    droppedEvents.inc();
    ctx.output(EVENT_NOTES, DROPPED);
    String reason =
        ("occurred_at=\"%s\": arrived after newer events of ticket %s and is older than the"
                + " allowed lateness (%s before the ticket's newest event, %s) allows; the SLA"
                + " clocks did not take it. Send history in time order, or raise"
                + " --allowed-lateness")
            .formatted(
                Instant.ofEpochMilli(event.occurredAt),
                event.ticketId,
                Duration.ofMillis(latenessMs),
                Instant.ofEpochMilli(m.sla.lastEventAt));
    byte[] payload = CODEC.encodeBytes(event.toTicketEvent());
    ctx.output(
        TOO_LATE,
        Decoded.invalid(
            reason, "sla:" + event.ticketId + "/" + event.eventId, event.occurredAt, payload));
  }

  /**
   * Applies the logged events older than {@code horizon} (or beyond the log's size) to the base.
   */
  private void fold(TicketMemory m, long horizon) {
    int n = 0;
    while (n < m.log.length
        && (m.log[n].occurredAt < horizon || m.log.length - n > TicketMemory.MAX_LOG)) {
      n++;
    }
    if (n == 0) {
      return;
    }
    SlaState base = m.base == null ? new SlaState() : m.base;
    SlaClock clock = SlaClock.restore(base, policy, loaded.calendar());
    for (int i = 0; i < n; i++) {
      clock.apply(m.log[i].toTicketEvent());
    }
    m.base = base;
    m.foldedUpTo = m.log[n - 1].occurredAt;
    m.log = Arrays.copyOfRange(m.log, n, m.log.length);
  }

  private static void noteAttributes(SlaEvent event, TicketMemory m) {
    if (event.team != null) {
      m.team = event.team;
    }
    if (event.agentId != null) {
      m.agentId = event.agentId;
    }
  }

  /** The row as of {@code at}, or as of a later deadline a timer already reported. */
  private void emitRow(
      Context ctx,
      Collector<SlaUpdate> out,
      TargetReport[] reports,
      SlaClock clock,
      TicketMemory m,
      long at) {
    long asOf = Math.max(at, m.lastEmitAt);
    TargetReport[] rows = asOf == at ? reports : reports(clock, asOf);
    out.collect(row(ctx.getCurrentKey(), rows, clock, m, asOf));
  }

  private void fire(long timestamp, Context ctx, Collector<SlaUpdate> out) throws Exception {
    TicketMemory m = memory.value();
    if (m == null) {
      return;
    }
    if (timestamp == m.cleanupTimer) {
      m.cleanupTimer = -1;
      if (finished(m)) {
        if (m.deadlineTimer >= 0) {
          ctx.timerService().deleteEventTimeTimer(m.deadlineTimer);
        }
        memory.clear();
        return;
      }
    }
    if (timestamp == m.deadlineTimer) {
      m.deadlineTimer = -1;
      SlaClock clock = SlaClock.restore(m.sla, policy, loaded.calendar());
      TargetReport[] now = reports(clock, timestamp);
      alertCrossingsBefore(timestamp, now, clock, m, ctx);
      if (timestamp > m.lastEmitAt) {
        out.collect(row(ctx.getCurrentKey(), now, clock, m, timestamp));
      }
      scheduleTimers(Math.max(timestamp, m.sla.lastEventAt), clock, m, ctx);
    }
    memory.update(m);
  }

  // --- alerts -------------------------------------------------------------------------------

  /** Alerts every at-risk or breach threshold an unfinished clock crossed before {@code limit}. */
  private void alertCrossingsBefore(
      long limit, TargetReport[] reports, SlaClock clock, TicketMemory m, Context ctx) {
    for (int i = 0; i < TARGETS.length; i++) {
      TargetReport r = reports[i];
      if (r.startedAt() == null || r.fulfilledAt() != null || r.stopped() || r.target() == null) {
        continue;
      }
      adoptClock(i, r, m);
      if (r.atRiskAt() != null
          && r.atRiskAt().toEpochMilli() < limit
          && !has(m, i, TicketMemory.AT_RISK)) {
        raise(i, SlaAlert.AT_RISK, r.atRiskAt().toEpochMilli(), r, clock, m, ctx);
      }
      if (Breach.breached(millis(r.dueAt()), -1, limit) && !has(m, i, TicketMemory.BREACHED)) {
        raise(i, SlaAlert.BREACHED, r.dueAt().toEpochMilli(), r, clock, m, ctx);
        MetricFact breach = fact(r.dueAt().toEpochMilli(), clock, m);
        breach.breaches = 1;
        count(breach, m);
      }
    }
  }

  /**
   * After a rebuild: an at-risk or breach alert the clocks in event-time order no longer bear out
   * is followed by its withdrawal ({@code at_risk_withdrawn}, {@code breached_withdrawn}), and a
   * withdrawn breach leaves sla_minute.
   */
  private void withdrawDisprovedAlerts(
      long asOf, TargetReport[] reports, SlaClock clock, TicketMemory m, Context ctx) {
    for (int i = 0; i < TARGETS.length; i++) {
      TargetReport r = reports[i];
      boolean breached = r.status() == SlaStatus.BREACHED;
      boolean atRisk = breached || (r.atRiskAt() != null && r.atRiskAt().toEpochMilli() < asOf);
      if (has(m, i, TicketMemory.BREACHED) && !breached) {
        raise(i, SlaAlert.BREACH_WITHDRAWN, asOf, r, clock, m, ctx);
        m.alerted[i] &= ~TicketMemory.BREACHED;
        long breachAt = m.breachAlertAt[i];
        uncountFirst(m, f -> f.breaches > 0 && f.at == breachAt);
        m.breachAlertAt[i] = -1;
      }
      if (has(m, i, TicketMemory.AT_RISK) && !atRisk) {
        raise(i, SlaAlert.AT_RISK_WITHDRAWN, asOf, r, clock, m, ctx);
        m.alerted[i] &= ~TicketMemory.AT_RISK;
      }
      if (r.startedAt() != null) {
        m.alertedClockStart[i] = r.startedAt().toEpochMilli(); // the same clock, started earlier
      }
    }
  }

  /** A first response the rebuild moved (or found) is taken back and counted as it now is. */
  private void recountFirstResponse(
      TargetReport before, TargetReport after, SlaEvent event, SlaClock clock, TicketMemory m) {
    long measuredBefore = before.measured(policy.businessTime()).toMillis();
    long measuredAfter = after.measured(policy.businessTime()).toMillis();
    if (Objects.equals(before.fulfilledAt(), after.fulfilledAt())
        && (after.fulfilledAt() == null || measuredBefore == measuredAfter)) {
      return;
    }
    uncountFirst(m, f -> f.firstResponses > 0);
    if (after.fulfilledAt() != null) {
      MetricFact response = fact(after.fulfilledAt().toEpochMilli(), clock, m);
      if (event.type == org.sanjeh.core.event.EventType.AGENT_REPLY) {
        response.dimensions = response.dimensions.withAgent(responder(event));
      }
      response.firstResponses = 1;
      response.frtMs = measuredAfter;
      count(response, m);
    }
  }

  /** A target that was alerted and has since been fulfilled, cancelled or restarted recovers. */
  private void alertRecoveries(
      long at, TargetReport[] reports, SlaClock clock, TicketMemory m, Context ctx) {
    for (int i = 0; i < TARGETS.length; i++) {
      TargetReport r = reports[i];
      boolean alerted = (m.alerted[i] & (TicketMemory.AT_RISK | TicketMemory.BREACHED)) != 0;
      boolean over =
          r.fulfilledAt() != null || r.stopped() || millis(r.startedAt()) != m.alertedClockStart[i];
      if (alerted && over && !has(m, i, TicketMemory.RECOVERED)) {
        raise(i, SlaAlert.RECOVERED, at, r, clock, m, ctx);
      }
      adoptClock(i, r, m);
    }
  }

  /** Alert bits belong to one run of a clock: a new start clears them. */
  private static void adoptClock(int i, TargetReport r, TicketMemory m) {
    long start = millis(r.startedAt());
    if (start != m.alertedClockStart[i]) {
      m.alertedClockStart[i] = start;
      m.alerted[i] = 0;
    }
  }

  private void raise(
      int i, String kind, long at, TargetReport r, SlaClock clock, TicketMemory m, Context ctx) {
    m.alerted[i] |=
        switch (kind) {
          case SlaAlert.AT_RISK -> TicketMemory.AT_RISK;
          case SlaAlert.BREACHED -> TicketMemory.BREACHED;
          case SlaAlert.RECOVERED -> TicketMemory.RECOVERED;
          default -> 0; // a withdrawal
        };
    if (kind.equals(SlaAlert.BREACHED)) {
      m.breachAlertAt[i] = at;
    }
    SlaAlert alert = new SlaAlert();
    alert.ticketId = ctx.getCurrentKey();
    alert.target = TARGETS[i].name().toLowerCase(Locale.ROOT);
    alert.kind = kind;
    alert.at = at;
    alert.dueAt = millis(r.dueAt());
    alert.policy = policy.name();
    alert.dimensions = dimensions(clock, m);
    alert.alertId =
        Hashes.sha256Hex(
                String.join(
                    "|",
                    alert.ticketId,
                    alert.target,
                    kind,
                    Long.toString(m.alertedClockStart[i]),
                    Long.toString(at)))
            .substring(0, 32);
    ctx.output(ALERTS, alert);
  }

  private static boolean has(TicketMemory m, int i, byte bit) {
    return (m.alerted[i] & bit) != 0;
  }

  // --- facts --------------------------------------------------------------------------------

  /** Counts what the event changed ({@link FactCounter}) and keeps what a deletion takes back. */
  private void countFacts(
      SlaEvent event,
      TargetReport[] after,
      SlaClock clock,
      TicketMemory m,
      boolean wasSolved,
      boolean hadFirstResponse,
      Context ctx) {
    boolean firstResponseNow = !hadFirstResponse && m.sla.firstResponse.fulfilledAt >= 0;
    long frtMs =
        firstResponseNow
            ? after[SlaTarget.FIRST_RESPONSE.ordinal()].measured(policy.businessTime()).toMillis()
            : 0;
    FactCounter.Counted counted =
        FactCounter.count(
            new FactCounter.Change(
                event.type,
                event.occurredAt,
                dimensions(clock, m),
                firstResponseNow,
                responder(event),
                frtMs,
                wasSolved,
                m.sla.solved,
                !m.sla.solved && !m.sla.merged && !m.sla.deleted,
                m.backlogPosition()));
    counted.kept().forEach(fact -> count(fact, m));
    if (counted.reopened() && m.cleanupTimer >= 0) {
      ctx.timerService().deleteEventTimeTimer(m.cleanupTimer);
      m.cleanupTimer = -1;
    }
    if (m.sla.deleted) {
      uncount(m);
    }
    facts.addAll(counted.backlog());
    m.openIn = counted.openIn();
  }

  /** Sends a fact and keeps a copy, so that a deletion of the ticket can take it back. */
  private void count(MetricFact fact, TicketMemory m) {
    facts.add(fact);
    if (m.counted.length < TicketMemory.MAX_COUNTED) {
      MetricFact[] counted = Arrays.copyOf(m.counted, m.counted.length + 1);
      counted[counted.length - 1] = fact.copy();
      m.counted = counted;
    }
  }

  /**
   * Takes back the first counted fact that matches, under the minute and dimensions it was counted
   * with (never the ticket's current ones: a negative count in another row would not add up).
   */
  private void uncountFirst(TicketMemory m, java.util.function.Predicate<MetricFact> which) {
    MetricFact[] kept = m.counted;
    for (int i = 0; i < kept.length; i++) {
      if (which.test(kept[i])) {
        facts.add(kept[i].negated());
        MetricFact[] rest = new MetricFact[kept.length - 1];
        System.arraycopy(kept, 0, rest, 0, i);
        System.arraycopy(kept, i + 1, rest, i, kept.length - i - 1);
        m.counted = rest;
        return;
      }
    }
  }

  /** A deleted ticket leaves sla_minute: every fact it counted, counted again negatively. */
  private void uncount(TicketMemory m) {
    for (MetricFact counted : m.counted) {
      facts.add(counted.negated());
    }
    m.counted = new MetricFact[0];
  }

  /**
   * Sends the facts gathered for one element or timer, those under the same minute and dimensions
   * as one: a creation and its backlog entry, a solve and its backlog exit. The minute aggregator
   * then handles about a third fewer records.
   */
  private void emitFacts(Context ctx) {
    for (MetricFact fact : MetricFact.combine(facts)) {
      ctx.output(FACTS, fact);
    }
    facts.clear();
  }

  private MetricFact fact(long at, SlaClock clock, TicketMemory m) {
    MetricFact fact = new MetricFact();
    fact.at = at;
    fact.dimensions = dimensions(clock, m);
    return fact;
  }

  /** The ticket's dimensions now: channel and priority from its clock, team and agent noted. */
  private static Dimensions dimensions(SlaClock clock, TicketMemory m) {
    return Dimensions.of(
        wire(clock.state().channel), m.team, wire(clock.state().priority), m.agentId);
  }

  /** Who a reply came from: its agent, else its author. */
  private static String responder(SlaEvent event) {
    return orEmpty(event.agentId != null ? event.agentId : event.authorId);
  }

  // --- rows and timers ----------------------------------------------------------------------

  /** Every target as of {@code at}, in {@link SlaTarget} order. */
  private static TargetReport[] reports(SlaClock clock, long at) {
    Instant now = Instant.ofEpochMilli(at);
    TargetReport[] reports = new TargetReport[TARGETS.length];
    for (int i = 0; i < TARGETS.length; i++) {
      reports[i] = clock.report(TARGETS[i], now);
    }
    return reports;
  }

  private SlaUpdate row(
      String ticketId, TargetReport[] reports, SlaClock clock, TicketMemory m, long asOf) {
    if (asOf == m.lastEmitAt) {
      m.rowsAtLastEmit++;
    } else {
      m.lastEmitAt = asOf;
      m.rowsAtLastEmit = 0;
    }
    var state = clock.state();
    SlaUpdate row = new SlaUpdate();
    row.ticketId = ticketId;
    row.asOf = asOf;
    // never lower than a row before it: a timer's row at a deadline must not outrank the row of an
    // earlier event processed after it
    row.version = Math.max(asOf * 1000 + Math.min(m.rowsAtLastEmit, 999), m.lastVersion + 1);
    m.lastVersion = row.version;
    row.policy = policy.name();
    row.dimensions = dimensions(clock, m);
    row.customerTier = orEmpty(state.customerTier);
    row.ticketStatus = wire(state.status);
    row.botOnly = clock.botOnly();
    row.periodicUpdates = clock.periodicUpdates();
    row.longestPeriodicUpdateMs = clock.longestPeriodicUpdate().map(Duration::toMillis).orElse(-1L);
    row.requesterWaitMs = clock.requesterWait(Instant.ofEpochMilli(asOf)).toMillis();
    row.agentWorkMs = clock.agentWork(Instant.ofEpochMilli(asOf)).toMillis();
    row.removed = state.deleted ? "deleted" : state.merged ? "merged" : "";
    row.firstResponse = TargetRow.of(reports[SlaTarget.FIRST_RESPONSE.ordinal()]);
    row.nextResponse = TargetRow.of(reports[SlaTarget.NEXT_RESPONSE.ordinal()]);
    row.resolution = TargetRow.of(reports[SlaTarget.RESOLUTION.ordinal()]);
    row.nextResponseCycles = clock.nextResponseCycles();
    row.nextResponseBreached = state.nextResponse.breachedCycles;
    row.firstResolvedAt = state.firstResolvedAt;
    row.firstResolutionBusinessMs = state.firstResolutionBusinessMs;
    row.firstResolutionCalendarMs = state.firstResolutionCalendarMs;
    row.nextResponseLongestMs = clock.longestNextResponse().map(Duration::toMillis).orElse(-1L);
    return row;
  }

  private void scheduleTimers(long asOf, SlaClock clock, TicketMemory m, Context ctx) {
    long next =
        clock
            .nextDeadline(Instant.ofEpochMilli(asOf - 1))
            .map(d -> d.toEpochMilli() + 1)
            .orElse(-1L);
    if (next != m.deadlineTimer) {
      if (m.deadlineTimer >= 0) {
        ctx.timerService().deleteEventTimeTimer(m.deadlineTimer);
      }
      if (next >= 0) {
        ctx.timerService().registerEventTimeTimer(next);
      }
      m.deadlineTimer = next;
    }
    if (finished(m) && m.cleanupTimer < 0) {
      m.cleanupTimer = asOf + retentionMs;
      ctx.timerService().registerEventTimeTimer(m.cleanupTimer);
    }
  }

  /** Solved, merged or deleted: the state is kept for the retention, then forgotten. */
  private static boolean finished(TicketMemory m) {
    return m.sla.solved || m.sla.merged || m.sla.deleted;
  }

  private static long millis(Instant instant) {
    return instant == null ? -1 : instant.toEpochMilli();
  }

  private static String wire(WireValue value) {
    return value == null ? "" : value.wire();
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
