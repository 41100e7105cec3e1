package org.sanjeh.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo's jobs, one after the other, none stopping the rest: a model the data cannot support (an
 * {@link IllegalArgumentException}: too few labels, one outcome only) is skipped with the reason;
 * any other failure is reported with its message and marks the demo as failed.
 */
final class DemoStages {

  private final Stages stages;
  private final List<String> skipped = new ArrayList<>();
  private final List<String> failed = new ArrayList<>();
  private int ran;

  DemoStages(Stages stages) {
    this.stages = stages;
  }

  void run(String name, Runnable job) {
    try {
      job.run();
      ran++;
    } catch (IllegalArgumentException e) {
      skipped.add(name);
      stages.done(name + " skipped", e.getMessage());
    } catch (RuntimeException e) {
      failed.add(name);
      stages.done(name + " FAILED", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  boolean failed() {
    return !failed.isEmpty();
  }

  String summary() {
    return "%d ran%s%s"
        .formatted(
            ran,
            skipped.isEmpty() ? "" : ", skipped " + String.join(", ", skipped),
            failed.isEmpty() ? "" : ", failed " + String.join(", ", failed));
  }
}
