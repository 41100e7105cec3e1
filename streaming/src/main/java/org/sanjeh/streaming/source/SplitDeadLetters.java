package org.sanjeh.streaming.source;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Valid events go on; records that are not events go to {@link #DEAD_LETTERS} with the reason. */
public final class SplitDeadLetters extends ProcessFunction<Decoded, SlaEvent> {

  public static final OutputTag<Decoded> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

  @Override
  public void processElement(Decoded decoded, Context ctx, Collector<SlaEvent> out) {
    if (decoded.isValid()) {
      out.collect(decoded.event);
    } else {
      ctx.output(DEAD_LETTERS, decoded);
    }
  }
}
