package org.sanjeh.streaming.sla;

import java.time.Instant;
import java.util.Locale;
import org.sanjeh.core.sla.SlaStatus;
import org.sanjeh.core.sla.TargetReport;

/** One target (first response, next response or resolution) in an {@link SlaUpdate}. */
public final class TargetRow {

  /** not_started, running, paused, achieved, breached or cancelled. */
  public String status;

  /** The target in seconds, 0 when the policy sets none. */
  public int targetSeconds;

  /** Epoch ms, -1 when absent. */
  public long startedAt = -1;

  public long dueAt = -1;
  public long fulfilledAt = -1;
  public long businessMs;
  public long calendarMs;
  public long pausedMs;

  private static final String[] STATUS_NAMES =
      java.util.Arrays.stream(SlaStatus.values())
          .map(status -> status.name().toLowerCase(Locale.ROOT))
          .toArray(String[]::new);

  public TargetRow() {}

  static TargetRow of(TargetReport report) {
    TargetRow row = new TargetRow();
    row.status = STATUS_NAMES[report.status().ordinal()];
    row.targetSeconds = report.target() == null ? 0 : (int) report.target().toSeconds();
    row.startedAt = millis(report.startedAt());
    row.dueAt = millis(report.dueAt());
    row.fulfilledAt = millis(report.fulfilledAt());
    row.businessMs = report.elapsedBusiness().toMillis();
    row.calendarMs = report.elapsedCalendar().toMillis();
    row.pausedMs = report.paused().toMillis();
    return row;
  }

  private static long millis(Instant instant) {
    return instant == null ? -1 : instant.toEpochMilli();
  }
}
