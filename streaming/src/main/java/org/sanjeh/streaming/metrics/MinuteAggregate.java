package org.sanjeh.streaming.metrics;

/**
 * Everything counted in one time bucket under one set of dimensions: a row of {@code sla_minute},
 * or of {@code sla_quarter} (a {@link Grain}). Named for its first table: it is the aggregators'
 * state type, and checkpoints know it by this class name and these fields.
 */
public final class MinuteAggregate {

  /** The bucket's start, epoch ms: the minute, or the quarter hour. */
  public long minute;

  public Dimensions dimensions = new Dimensions();
  public int created;
  public int firstResponses;
  public long frtSumMs;
  public int[] frtHistogram = new int[FrtHistogram.BUCKETS];
  public int breaches;
  public int solved;
  public int reopened;
  public int backlogDelta;

  /** How many facts are in it: grows with every late fact, so the newest row wins. */
  public long version;

  public MinuteAggregate() {}

  static MinuteAggregate startingAt(long bucket, Dimensions dimensions) {
    MinuteAggregate a = new MinuteAggregate();
    a.minute = bucket;
    a.dimensions = dimensions;
    return a;
  }

  void add(MetricFact fact) {
    created += fact.created;
    firstResponses += fact.firstResponses;
    if (fact.firstResponses != 0) { // -1: a deleted ticket's response taken back
      frtSumMs += fact.firstResponses * fact.frtMs;
      frtHistogram[FrtHistogram.bucket(fact.frtMs)] += fact.firstResponses;
    }
    breaches += fact.breaches;
    solved += fact.solved;
    reopened += fact.reopened;
    backlogDelta += fact.backlogDelta;
    version++;
  }

  @Override
  public String toString() {
    return "MinuteAggregate[%d %s created=%d fr=%d breaches=%d solved=%d reopened=%d backlog=%d v=%d]"
        .formatted(
            minute,
            dimensions,
            created,
            firstResponses,
            breaches,
            solved,
            reopened,
            backlogDelta,
            version);
  }
}
