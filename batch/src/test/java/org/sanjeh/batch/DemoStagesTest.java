package org.sanjeh.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoStagesTest {

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final DemoStages demo =
      new DemoStages(
          new Stages("batch demo", new PrintStream(printed, true, StandardCharsets.UTF_8)));
  private final List<String> ran = new ArrayList<>();

  @Test
  void aModelTheDataCannotSupportIsSkippedWithTheReasonAndTheNextStageStillRuns() {
    demo.run(
        "churn",
        () -> {
          throw new IllegalArgumentException("the training rows have no positive label");
        });
    demo.run("dissatisfaction", () -> ran.add("dissatisfaction"));

    assertThat(ran).containsExactly("dissatisfaction");
    assertThat(demo.failed()).isFalse();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("batch demo: churn skipped: the training rows have no positive label");
    assertThat(demo.summary()).isEqualTo("1 ran, skipped churn");
  }

  @Test
  void aFailingStageIsReportedMarksTheDemoFailedAndTheOthersStillRun() {
    demo.run(
        "sentiment",
        () -> {
          throw new IllegalStateException("ClickHouse refused the connection");
        });
    demo.run("rollups", () -> ran.add("rollups"));

    assertThat(ran).containsExactly("rollups");
    assertThat(demo.failed()).isTrue();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("sentiment FAILED: IllegalStateException: ClickHouse refused the connection");
  }
}
