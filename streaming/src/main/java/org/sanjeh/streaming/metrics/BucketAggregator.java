package org.sanjeh.streaming.metrics;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds up the facts of one time bucket of its {@link Grain} (the key: the bucket's start, epoch ms)
 * per set of dimensions the grain keeps, and emits the bucket's aggregates when the watermark
 * passes its end. A fact that arrives after its minute was emitted (a late event, or a breach found
 * when a later event arrived) updates its aggregate and emits it again with a higher version. The
 * bucket is kept for {@code retention} of event time after its end, then cleared.
 *
 * <p>A bucket longer than a minute is also written while it is open: when the watermark passes the
 * end of a minute, the rows that facts of that minute changed go out (version = the facts so far),
 * so a quarter hour's rows are as fresh as the minute rows, not up to 15 minutes behind. The
 * versions grow, so the row written when the bucket closes outranks them.
 *
 * <p>Whether a fact is too late is judged by its minute at every grain: a fact the watermark passed
 * more than {@code retention} after the end of its minute is counted in the {@code factsTooLate}
 * metric and logged, not added. So every grain counts the same facts, and {@code sla_quarter} is
 * exactly {@code sla_minute} summed per quarter hour without the agent.
 *
 * <p>Keyed by the bucket alone, not by bucket and dimensions: the state and the two timers are per
 * bucket, not per row. Replayed history has about one fact per minute row, and per-row timers were
 * a third of the job's time. Live, the current bucket lands on one subtask, whose work per fact is
 * one map update.
 */
public final class BucketAggregator
    extends KeyedProcessFunction<Long, MetricFact, MinuteAggregate> {

  private static final Logger LOG = LoggerFactory.getLogger(BucketAggregator.class);
  private static final long MINUTE = 60_000L;

  private final Grain grain;
  private final long retentionMs;

  /** The bucket's aggregates by {@link Dimensions#key()} of their projected dimensions. */
  private transient MapState<String, MinuteAggregate> rows;

  /** The keys of the rows changed since the bucket's last minute end (buckets over a minute). */
  private transient MapState<String, Boolean> changed;

  private transient Counter factsTooLate;

  public BucketAggregator(Grain grain, Duration retention) {
    this.grain = grain;
    this.retentionMs = retention.toMillis();
  }

  /** The key to partition facts by: the start of their bucket at {@code grain}. */
  public static KeySelector<MetricFact, Long> bucketKey(Grain grain) {
    return fact -> grain.bucketOf(fact.at);
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
    changed =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("changed-rows", Types.STRING, Types.BOOLEAN));
    factsTooLate = getRuntimeContext().getMetricGroup().counter("factsTooLate");
  }

  @Override
  public void processElement(MetricFact fact, Context ctx, Collector<MinuteAggregate> out)
      throws Exception {
    long watermark = ctx.timerService().currentWatermark();
    long minuteEnd = fact.minute() + MINUTE - 1;
    if (watermark >= minuteEnd + retentionMs) {
      tooLate(fact);
      return;
    }
    long bucket = ctx.getCurrentKey();
    long last = bucket + grain.bucketMs() - 1;
    if (rows.isEmpty()) {
      ctx.timerService().registerEventTimeTimer(last);
      ctx.timerService().registerEventTimeTimer(last + retentionMs);
    }
    Dimensions dimensions = grain.project(fact.dimensions);
    String key = dimensions.key();
    MinuteAggregate aggregate = rows.get(key);
    if (aggregate == null) {
      aggregate = MinuteAggregate.startingAt(bucket, dimensions);
    }
    aggregate.add(fact);
    rows.put(key, aggregate);
    if (watermark >= minuteEnd) {
      out.collect(aggregate); // its minute was already emitted: this row again, newer
    } else if (minuteEnd < last) {
      changed.put(key, true);
      ctx.timerService().registerEventTimeTimer(minuteEnd); // one per minute: Flink dedupes it
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<MinuteAggregate> out)
      throws Exception {
    long last = ctx.getCurrentKey() + grain.bucketMs() - 1;
    if (timestamp < last) { // a minute's end inside the bucket
      for (String key : changed.keys()) {
        out.collect(rows.get(key));
      }
      changed.clear();
    } else if (timestamp == last) {
      for (MinuteAggregate aggregate : rows.values()) {
        out.collect(aggregate);
      }
      changed.clear();
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
              + " were not counted in {}, e.g. {}. Is old history being replayed out of time"
              + " order? Import it sorted (./sanjeh import does), or raise the minute retention.",
          factsTooLate.getCount(),
          Duration.ofMillis(retentionMs),
          grain.table(),
          fact);
    }
  }
}
