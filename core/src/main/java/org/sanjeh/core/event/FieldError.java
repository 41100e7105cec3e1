package org.sanjeh.core.event;

/**
 * Why one field of an incoming event was refused.
 *
 * @param field the JSON field name, or {@code $} for the payload as a whole
 * @param value the offending value as received (shortened for display), or null when absent
 * @param reason what is wrong and what would be right
 */
public record FieldError(String field, String value, String reason) {

  private static final int MAX_SHOWN_VALUE = 80;

  public static FieldError whole(String reason) {
    return new FieldError("$", null, reason);
  }

  /** One line for logs, API responses and dead letters: {@code occurred_at="yesterday": …}. */
  public String describe() {
    if (value == null) {
      return field + ": " + reason;
    }
    return field + "=" + quote(value) + ": " + reason;
  }

  private static String quote(String value) {
    String shown =
        value.length() > MAX_SHOWN_VALUE ? value.substring(0, MAX_SHOWN_VALUE) + "…" : value;
    return '"' + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }
}
