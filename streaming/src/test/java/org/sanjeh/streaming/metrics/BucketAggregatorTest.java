package org.sanjeh.streaming.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BucketAggregatorTest {

  static final long MINUTE = 60_000;
  static final long QUARTER = 15 * MINUTE;
  static final long T0 = 1_772_000_000_000L / MINUTE * MINUTE;
  static final long Q0 = 1_772_000_000_000L / QUARTER * QUARTER;

  KeyedOneInputStreamOperatorTestHarness<Long, MetricFact, MinuteAggregate> harness;

  @BeforeEach
  void open() throws Exception {
    harness = harness(Grain.MINUTE);
  }

  static KeyedOneInputStreamOperatorTestHarness<Long, MetricFact, MinuteAggregate> harness(
      Grain grain) throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new BucketAggregator(grain, Duration.ofMinutes(10)),
        BucketAggregator.bucketKey(grain),
        Types.LONG);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void emitsTheMinuteWhenTheWatermarkPassesItsEnd() throws Exception {
    send(created(T0 + 1_000));
    send(firstResponse(T0 + 59_999, 90_000));
    harness.processWatermark(T0 + MINUTE - 2);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(T0 + MINUTE - 1);

    MinuteAggregate minute = harness.extractOutputValues().get(0);
    assertThat(minute.minute).isEqualTo(T0);
    assertThat(minute.created).isEqualTo(1);
    assertThat(minute.firstResponses).isEqualTo(1);
    assertThat(minute.frtSumMs).isEqualTo(90_000);
    assertThat(minute.frtHistogram[FrtHistogram.bucket(90_000)]).isEqualTo(1);
    assertThat(minute.backlogDelta).isEqualTo(1);
    assertThat(minute.version).isEqualTo(2);
  }

  @Test
  void aDeletedTicketsNegatedFactsTakeItsCountsAndResponseTimeBack() throws Exception {
    MetricFact response = firstResponse(T0 + 10_000, 90_000);
    send(created(T0 + 1_000));
    send(response);
    send(created(T0 + 2_000).negated());
    send(response.negated());
    harness.processWatermark(T0 + MINUTE - 1);

    MinuteAggregate minute = harness.extractOutputValues().get(0);
    assertThat(minute.created).isZero();
    assertThat(minute.firstResponses).isZero();
    assertThat(minute.frtSumMs).isZero();
    assertThat(minute.frtHistogram).containsOnly(0);
  }

  @Test
  void aLateFactRewritesTheMinuteWithAHigherVersionAndTooLateOnesAreNotCounted() throws Exception {
    send(created(T0));
    harness.processWatermark(T0 + MINUTE);
    send(created(T0 + 5));

    assertThat(harness.extractOutputValues())
        .extracting(m -> m.created + "@v" + m.version)
        .containsExactly("1@v1", "2@v2");

    harness.processWatermark(T0 + 12 * MINUTE);
    assertThat(harness.numKeyedStateEntries()).isZero();
    send(created(T0 + 6));
    assertThat(harness.extractOutputValues()).hasSize(2);
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void eachSetOfDimensionsIsARowAndALateFactSendsOnlyItsRowAgain() throws Exception {
    send(created(T0));
    MetricFact email = created(T0 + 10);
    email.dimensions = Dimensions.of("email", "", "", "");
    send(email);
    send(created(T0 + MINUTE)); // the next minute
    harness.processWatermark(T0 + MINUTE);
    assertThat(harness.extractOutputValues())
        .extracting(m -> m.minute + "/" + m.dimensions.channel + " " + m.created)
        .containsExactlyInAnyOrder(T0 + "/chat 1", T0 + "/email 1");

    MetricFact lateEmail = created(T0 + 20);
    lateEmail.dimensions = Dimensions.of("email", "", "", "");
    send(lateEmail);

    assertThat(harness.extractOutputValues())
        .extracting(m -> m.minute + "/" + m.dimensions.channel + " " + m.created + "@v" + m.version)
        .hasSize(3)
        .last()
        .isEqualTo(T0 + "/email 2@v2");
  }

  @Test
  void aQuarterHourAddsUpItsMinutesAndAgentsIntoOneRowWrittenWholeWhenTheWatermarkPassesItsEnd()
      throws Exception {
    harness.close();
    harness = harness(Grain.QUARTER_HOUR);
    send(created(Q0 + QUARTER - 1, "a-2")); // in the quarter's last minute: waits for its end
    harness.processWatermark(Q0 + QUARTER - 2);
    assertThat(harness.extractOutputValues()).isEmpty();
    send(created(Q0 + 6 * MINUTE, "a-1")); // after its minute was written: written again at once
    send(firstResponse(Q0 + 7 * MINUTE, 90_000, "a-2"));
    send(created(Q0 + QUARTER, "a-1")); // the next quarter
    harness.processWatermark(Q0 + QUARTER - 1);

    List<MinuteAggregate> rows = harness.extractOutputValues();
    assertThat(rows)
        .extracting(q -> q.created + "@v" + q.version)
        .containsExactly("2@v2", "2@v3", "2@v3");
    MinuteAggregate quarter = rows.get(rows.size() - 1);
    assertThat(quarter.minute).isEqualTo(Q0);
    assertThat(quarter.dimensions).isEqualTo(Dimensions.of("chat", "t", "high", ""));
    assertThat(quarter.created).isEqualTo(2);
    assertThat(quarter.firstResponses).isEqualTo(1);
    assertThat(quarter.frtSumMs).isEqualTo(90_000);
    assertThat(quarter.frtHistogram[FrtHistogram.bucket(90_000)]).isEqualTo(1);
    assertThat(quarter.backlogDelta).isEqualTo(2);
    assertThat(quarter.version).isEqualTo(3);
  }

  @Test
  void aQuarterHourTakesALateFactOnlyWhileItsMinuteWouldSoBothTablesCountTheSameFacts()
      throws Exception {
    harness.close();
    harness = harness(Grain.QUARTER_HOUR);
    send(created(Q0 + 14 * MINUTE, "a-1"));
    // the retention (10 min) after the first minute's end has passed; the quarter is still open
    harness.processWatermark(Q0 + 11 * MINUTE - 1);
    send(created(Q0 + 30_000, "a-1")); // too late for its minute: not counted here either
    send(created(Q0 + MINUTE, "a-2")); // its minute ends 10 min from now: counted
    harness.processWatermark(Q0 + QUARTER - 1);
    send(created(Q0 + 10 * MINUTE, "a-1")); // late, within its minute's retention: a new version

    assertThat(harness.extractOutputValues())
        .extracting(q -> q.created + "@v" + q.version)
        // the fact of minute 1 at once (its minute was written), the whole quarter at its end,
        // and the late fact of minute 10
        .containsExactly("2@v2", "2@v2", "3@v3");
    harness.processWatermark(Q0 + QUARTER - 1 + 10 * MINUTE);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void anOpenQuarterHourIsWrittenAtEveryMinuteEndWithTheRowsChangedSince() throws Exception {
    harness.close();
    harness = harness(Grain.QUARTER_HOUR);
    send(created(Q0 + 10_000, "a-1"));
    MetricFact email = created(Q0 + 20_000, "a-1");
    email.dimensions = Dimensions.of("email", "t", "high", "a-1");
    send(email);
    harness.processWatermark(Q0 + MINUTE - 1);
    assertThat(harness.extractOutputValues())
        .extracting(q -> q.dimensions.channel + " " + q.created + "@v" + q.version)
        .containsExactlyInAnyOrder("chat 1@v1", "email 1@v1");

    send(created(Q0 + 2 * MINUTE + 10_000, "a-2"));
    harness.processWatermark(Q0 + 3 * MINUTE - 1);
    assertThat(harness.extractOutputValues())
        .extracting(q -> q.dimensions.channel + " " + q.created + "@v" + q.version)
        .hasSize(3)
        .last()
        .isEqualTo("chat 2@v2");

    harness.processWatermark(Q0 + QUARTER - 1);
    List<MinuteAggregate> rows = harness.extractOutputValues();
    assertThat(rows).hasSize(5);
    assertThat(rows.subList(3, 5))
        .extracting(q -> q.dimensions.channel + " " + q.created + "@v" + q.version)
        .containsExactlyInAnyOrder("chat 2@v2", "email 1@v1");
  }

  static MetricFact created(long at, String agent) {
    MetricFact f = created(at);
    f.dimensions = Dimensions.of("chat", "t", "high", agent);
    return f;
  }

  static MetricFact firstResponse(long at, long frtMs, String agent) {
    MetricFact f = firstResponse(at, frtMs);
    f.dimensions = Dimensions.of("chat", "t", "high", agent);
    return f;
  }

  static MetricFact created(long at) {
    MetricFact f = new MetricFact();
    f.at = at;
    f.dimensions = Dimensions.of("chat", "", "", "");
    f.created = 1;
    f.backlogDelta = 1;
    return f;
  }

  static MetricFact firstResponse(long at, long frtMs) {
    MetricFact f = new MetricFact();
    f.at = at;
    f.dimensions = Dimensions.of("chat", "", "", "");
    f.firstResponses = 1;
    f.frtMs = frtMs;
    return f;
  }

  void send(MetricFact fact) throws Exception {
    harness.processElement(new StreamRecord<>(fact, fact.at));
  }
}
