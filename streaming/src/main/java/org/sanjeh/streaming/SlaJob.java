package org.sanjeh.streaming;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.sanjeh.streaming.metrics.BucketAggregator;
import org.sanjeh.streaming.metrics.Grain;
import org.sanjeh.streaming.metrics.MetricFact;
import org.sanjeh.streaming.metrics.MinuteAggregate;
import org.sanjeh.streaming.sla.SlaAlert;
import org.sanjeh.streaming.sla.SlaFunction;
import org.sanjeh.streaming.sla.SlaUpdate;
import org.sanjeh.streaming.source.Decoded;
import org.sanjeh.streaming.source.KafkaEvents;
import org.sanjeh.streaming.source.SplitDeadLetters;

/**
 * The SLA job: ticket events → per-ticket SLA state, alerts and per-minute and per-quarter-hour
 * aggregates.
 *
 * <pre>
 * source ─ watermarks ─ split ─┬─ dead letters ─────────────────────────────→ deadLetters
 *                              ├─ (whole events) ───────────────────────────→ rawEvents
 *                              └─ keyBy ticket ─ SlaFunction ─┬─ states ──────→ tickets
 *                                                             ├─ alerts ──────→ alerts, alertTopic
 *                                                             └─ facts ─┬─ keyBy minute ─ BucketAggregator(MINUTE) ───────→ minutes
 *                                                                       └─ keyBy quarter ─ BucketAggregator(QUARTER_HOUR) → quarters
 * </pre>
 *
 * Source and sinks are arguments, so tests and the replay command swap them and never copy the
 * pipeline. {@link StreamingCli} builds the real ones.
 */
public final class SlaJob {

  /**
   * @param policyJson the SLA policy file's text
   * @param outOfOrderness how far behind the newest event an event may arrive and still be on time
   * @param idleness after how long a silent Kafka partition stops holding the watermark back
   * @param ticketRetention how long a solved ticket's state is kept for a reopen
   * @param minuteRetention how long after its minute's end a fact is still added to its minute and
   *     quarter hour (and how long their aggregates are kept for it)
   * @param allowedLateness how much older than its ticket's newest event an event may arrive and
   *     still be put in event-time order; older ones go to the dead letters
   */
  public record Settings(
      String policyJson,
      Duration outOfOrderness,
      Duration idleness,
      Duration ticketRetention,
      Duration minuteRetention,
      Duration allowedLateness) {

    public static Settings defaults(String policyJson) {
      return new Settings(
          policyJson,
          Duration.ofSeconds(5),
          Duration.ofSeconds(30),
          Duration.ofDays(30),
          Duration.ofDays(1),
          SlaFunction.DEFAULT_LATENESS);
    }
  }

  /** Where the results go; {@code alertTopic} and {@code rawEvents} may be null (not written). */
  public record Sinks(
      Sink<SlaUpdate> tickets,
      Sink<SlaAlert> alerts,
      Sink<SlaAlert> alertTopic,
      Sink<MinuteAggregate> minutes,
      Sink<MinuteAggregate> quarters,
      Sink<Decoded> deadLetters,
      Sink<Decoded> rawEvents) {}

  /** The job's result streams, before any sink. */
  public record Results(
      DataStream<SlaUpdate> tickets,
      DataStream<SlaAlert> alerts,
      DataStream<MinuteAggregate> minutes,
      DataStream<MinuteAggregate> quarters,
      DataStream<Decoded> deadLetters,
      DataStream<Decoded> events,
      DataStream<String> eventNotes) {}

  private SlaJob() {}

  /** Wires source → dataflow → sinks into {@code env}; run it with {@code env.execute()}. */
  public static void build(
      StreamExecutionEnvironment env,
      Source<Decoded, ?, ?> source,
      Settings settings,
      Sinks sinks) {
    Results results = dataflow(env, source, settings);
    results.tickets().sinkTo(sinks.tickets()).name("sla_tickets").uid("sink-sla-tickets");
    results.alerts().sinkTo(sinks.alerts()).name("sla_alerts").uid("sink-sla-alerts");
    if (sinks.alertTopic() != null) {
      results.alerts().sinkTo(sinks.alertTopic()).name("alert topic").uid("sink-alert-topic");
    }
    results.minutes().sinkTo(sinks.minutes()).name("sla_minute").uid("sink-sla-minute");
    results.quarters().sinkTo(sinks.quarters()).name("sla_quarter").uid("sink-sla-quarter");
    results.deadLetters().sinkTo(sinks.deadLetters()).name("dead_letters").uid("sink-dead-letters");
    if (sinks.rawEvents() != null) {
      results.events().sinkTo(sinks.rawEvents()).name("ticket_events").uid("sink-raw-events");
    }
  }

  /** The dataflow itself: every operator named and with a stable uid for savepoints. */
  public static Results dataflow(
      StreamExecutionEnvironment env, Source<Decoded, ?, ?> source, Settings settings) {
    DataStream<Decoded> decoded =
        env.fromSource(
                source,
                KafkaEvents.watermarks(settings.outOfOrderness(), settings.idleness()),
                "ticket-events")
            .uid("source-ticket-events");
    SingleOutputStreamOperator<org.sanjeh.streaming.source.SlaEvent> events =
        decoded.process(new SplitDeadLetters()).name("split dead letters").uid("split");
    SingleOutputStreamOperator<SlaUpdate> sla =
        events
            .keyBy(event -> event.ticketId)
            .process(
                new SlaFunction(
                    settings.policyJson(), settings.ticketRetention(), settings.allowedLateness()))
            .name("sla clocks")
            .uid("sla-clocks");
    DataStream<MetricFact> facts = sla.getSideOutput(SlaFunction.FACTS);
    DataStream<MinuteAggregate> minutes =
        aggregated(facts, Grain.MINUTE, settings)
            .name("minute aggregates")
            // a new uid: until 2026-11-22 this operator was keyed by minute and dimensions
            .uid("minute-aggregates-by-minute");
    DataStream<MinuteAggregate> quarters =
        aggregated(facts, Grain.QUARTER_HOUR, settings)
            .name("quarter-hour aggregates")
            .uid("quarter-hour-aggregates");
    return new Results(
        sla,
        sla.getSideOutput(SlaFunction.ALERTS),
        minutes,
        quarters,
        events
            .getSideOutput(SplitDeadLetters.DEAD_LETTERS)
            .union(sla.getSideOutput(SlaFunction.TOO_LATE)),
        decoded.filter(Decoded::isValid).name("valid events").uid("valid-events"),
        sla.getSideOutput(SlaFunction.EVENT_NOTES));
  }

  /** {@code facts} added up per bucket of {@code grain}. */
  private static SingleOutputStreamOperator<MinuteAggregate> aggregated(
      DataStream<MetricFact> facts, Grain grain, Settings settings) {
    return facts
        .keyBy(BucketAggregator.bucketKey(grain), Types.LONG)
        .process(new BucketAggregator(grain, settings.minuteRetention()));
  }
}
