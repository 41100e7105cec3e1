package org.sanjeh.streaming.metrics;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds up the facts of one minute and one set of dimensions (the key), and emits the minute when
 * the watermark passes its end. A fact that arrives after that (a late event, or a breach found
 * when a later event arrived) updates the minute and emits it again with a higher version. The
 * minute's state is kept for {@code retention} of event time after its end, then cleared; a fact
 * later than that is counted in the {@code factsTooLate} metric and logged, not added.
 */
public final class MinuteAggregator
    extends KeyedProcessFunction<String, MetricFact, MinuteAggregate> {

  private static final Logger LOG = LoggerFactory.getLogger(MinuteAggregator.class);
  private static final long MINUTE = 60_000L;

  private final long retentionMs;
  private transient ValueState<MinuteAggregate> minute;
  private transient Counter factsTooLate;

  public MinuteAggregator(Duration retention) {
    this.retentionMs = retention.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    minute =
        getRuntimeContext().getState(new ValueStateDescriptor<>("minute", MinuteAggregate.class));
    factsTooLate = getRuntimeContext().getMetricGroup().counter("factsTooLate");
  }

  @Override
  public void processElement(MetricFact fact, Context ctx, Collector<MinuteAggregate> out)
      throws Exception {
    long end = fact.minute() + MINUTE;
    MinuteAggregate aggregate = minute.value();
    if (aggregate == null) {
      if (ctx.timerService().currentWatermark() >= end + retentionMs) {
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
        return;
      }
      aggregate = MinuteAggregate.startingWith(fact);
      ctx.timerService().registerEventTimeTimer(end - 1);
      ctx.timerService().registerEventTimeTimer(end - 1 + retentionMs);
    }
    aggregate.add(fact);
    minute.update(aggregate);
    if (aggregate.emitted) {
      out.collect(aggregate);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<MinuteAggregate> out)
      throws Exception {
    MinuteAggregate aggregate = minute.value();
    if (aggregate == null) {
      return;
    }
    if (timestamp == aggregate.minute + MINUTE - 1) {
      out.collect(aggregate);
      aggregate.emitted = true;
      minute.update(aggregate);
    }
    if (timestamp >= aggregate.minute + MINUTE - 1 + retentionMs) {
      minute.clear();
    }
  }
}
