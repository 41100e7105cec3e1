package org.sanjeh.dashboards.viewer.api;

/** A request value the API refuses: which parameter, what was sent, why. */
final class BadRequestValue extends RuntimeException {

  private final String field;
  private final String value;

  BadRequestValue(String field, String value, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.value = value;
  }

  String field() {
    return field;
  }

  /** The value as sent, cut short: a problem must not echo a megabyte back. */
  String value() {
    return value.length() > 100 ? value.substring(0, 100) + "…" : value;
  }
}
