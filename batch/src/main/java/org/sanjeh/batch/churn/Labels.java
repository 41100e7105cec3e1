package org.sanjeh.batch.churn;

/**
 * Where churn labels come from: {@code inactivity} (no ticket event from the customer within the
 * horizon after the as-of date) or {@code status} (a date attribute, by default {@code churned_on},
 * loaded with load-attributes, within the horizon; customers gone before the as-of date are left
 * out).
 */
public enum Labels {
  INACTIVITY,
  STATUS
}
