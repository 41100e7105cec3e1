package org.sanjeh.streaming.metrics;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds up the facts of one minute (the key, epoch ms) per set of dimensions, and emits the minute's
 * aggregates when the watermark passes its end. A fact that arrives after that (a late event, or a
 * breach found when a later event arrived) updates its aggregate and emits it again with a higher
 * version. The minute is kept for {@code retention} of event time after its end, then cleared; a
 * fact later than that is counted in the {@code factsTooLate} metric and logged, not added.
 *
 * <p>Keyed by the minute alone, not by minute and dimensions: the state and the two timers are per
 * minute, not per row. Replayed history has about one fact per row, and per-row timers were a third
 * of the job's time. Live, the current minute lands on one subtask, whose work per fact is one map
 * update.
 */
public final class MinuteAggregator
    extends KeyedProcessFunction<Long, MetricFact, MinuteAggregate> {

  private static final Logger LOG = LoggerFactory.getLogger(MinuteAggregator.class);
  private static final long MINUTE = 60_000L;

  private final long retentionMs;

  /** The minute's aggregates by {@link Dimensions#key()}. */
  private transient MapState<String, MinuteAggregate> rows;

  private transient Counter factsTooLate;

  public MinuteAggregator(Duration retention) {
    this.retentionMs = retention.toMillis();
  }

  /** The key to partition facts by: their minute. */
  public static Long minuteOf(MetricFact fact) {
    return fact.minute();
  }

  @Override
  public void open(OpenContext context) {
    rows =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    // "rows" held aggregates with the four dimensions as fields of their own;
                    // under a new name, the minutes open at an upgrade start afresh rather than
                    // coming back with empty dimensions
                    "rows-with-dimensions", Types.STRING, Types.POJO(MinuteAggregate.class)));
    factsTooLate = getRuntimeContext().getMetricGroup().counter("factsTooLate");
  }

  @Override
  public void processElement(MetricFact fact, Context ctx, Collector<MinuteAggregate> out)
      throws Exception {
    long last = fact.minute() + MINUTE - 1;
    long watermark = ctx.timerService().currentWatermark();
    if (watermark >= last + retentionMs) {
      tooLate(fact);
      return;
    }
    if (rows.isEmpty()) {
      ctx.timerService().registerEventTimeTimer(last);
      ctx.timerService().registerEventTimeTimer(last + retentionMs);
    }
    String dimensions = fact.dimensions.key();
    MinuteAggregate aggregate = rows.get(dimensions);
    if (aggregate == null) {
      aggregate = MinuteAggregate.startingWith(fact);
    }
    aggregate.add(fact);
    rows.put(dimensions, aggregate);
    if (watermark >= last) {
      out.collect(aggregate); // the minute was already emitted: this row again, newer
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<MinuteAggregate> out)
      throws Exception {
    long last = ctx.getCurrentKey() + MINUTE - 1;
    if (timestamp == last) {
      for (MinuteAggregate aggregate : rows.values()) {
        out.collect(aggregate);
      }
    }
    if (timestamp >= last + retentionMs) {
      rows.clear();
    }
  }

  private void tooLate(MetricFact fact) {
    factsTooLate.inc();
    if (factsTooLate.getCount() == 1 || factsTooLate.getCount() % 10_000 == 0) {
      LOG.warn(
          "{} fact(s) came after their minute was closed ({} of event time after its end) and"
              + " were not counted, e.g. {}. Is old history being replayed out of time order?"
              + " Import it sorted (./sanjeh import does), or raise the minute retention.",
          factsTooLate.getCount(),
          Duration.ofMillis(retentionMs),
          fact);
    }
  }
}
