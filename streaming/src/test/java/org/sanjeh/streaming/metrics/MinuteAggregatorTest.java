package org.sanjeh.streaming.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MinuteAggregatorTest {

  static final long MINUTE = 60_000;
  static final long T0 = 1_772_000_000_000L / MINUTE * MINUTE;

  KeyedOneInputStreamOperatorTestHarness<Long, MetricFact, MinuteAggregate> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new MinuteAggregator(Duration.ofMinutes(10)), MinuteAggregator::minuteOf, Types.LONG);
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
