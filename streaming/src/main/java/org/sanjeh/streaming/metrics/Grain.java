package org.sanjeh.streaming.metrics;

import java.io.IOException;
import java.util.List;
import org.sanjeh.warehouse.RowBinaryOut;

/**
 * How finely the facts are added up: the length of a time bucket and which dimensions a row keeps.
 * One {@link BucketAggregator} per grain, on the same facts, so the coarser table is exactly the
 * finer one summed.
 */
public enum Grain {
  /** {@code sla_minute}: per minute and channel, team, priority and agent. */
  MINUTE("sla_minute", "minute", 60_000L, true),
  /**
   * {@code sla_quarter}: per quarter hour and channel, team and priority, without the agent. Every
   * UTC offset is a whole number of quarter hours, so local days are whole quarters.
   */
  QUARTER_HOUR("sla_quarter", "quarter", 15 * 60_000L, false);

  private final String table;
  private final String timeColumn;
  private final long bucketMs;
  private final boolean keepsAgent;

  Grain(String table, String timeColumn, long bucketMs, boolean keepsAgent) {
    this.table = table;
    this.timeColumn = timeColumn;
    this.bucketMs = bucketMs;
    this.keepsAgent = keepsAgent;
  }

  public String table() {
    return table;
  }

  public String timeColumn() {
    return timeColumn;
  }

  /** The bucket's length, ms. */
  public long bucketMs() {
    return bucketMs;
  }

  /** The start (epoch ms) of the bucket {@code at} falls in. */
  public long bucketOf(long at) {
    return Math.floorDiv(at, bucketMs) * bucketMs;
  }

  /** The dimension columns of this grain's table, in table order. */
  public List<String> dimensionColumns() {
    return keepsAgent ? Dimensions.COLUMNS : Dimensions.COLUMNS.subList(0, 3);
  }

  /** What a fact's dimensions count under at this grain (the quarter hour drops the agent). */
  public Dimensions project(Dimensions dimensions) {
    return keepsAgent || dimensions.agentId.isEmpty() ? dimensions : dimensions.withAgent("");
  }

  /** Writes the {@link #dimensionColumns}. */
  public void writeDimensions(Dimensions dimensions, RowBinaryOut out) throws IOException {
    out.string(dimensions.channel);
    out.string(dimensions.team);
    out.string(dimensions.priority);
    if (keepsAgent) {
      out.string(dimensions.agentId);
    }
  }
}
