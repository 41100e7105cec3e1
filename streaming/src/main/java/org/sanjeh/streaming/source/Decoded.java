package org.sanjeh.streaming.source;

/**
 * One Kafka record after decoding: either an {@link SlaEvent} or the reason it is not one. The
 * payload is kept either way, for the dead-letter table and for the raw-events sink, which stores
 * the whole event (texts and tags included).
 */
public final class Decoded {

  /** The event, or null when the record is not a valid ticket event. */
  public SlaEvent event;

  /** Every problem found, when {@link #event} is null. */
  public String reason;

  /**
   * Where the record came from ({@code kafka:TOPIC/PARTITION@OFFSET}); set for dead letters, where
   * it is stored, and null for valid events, which carry their own ids.
   */
  public String origin;

  /** The Kafka record's timestamp (when it was published), epoch ms. */
  public long publishedAt;

  public byte[] payload;

  public Decoded() {}

  public static Decoded valid(SlaEvent event, String origin, long publishedAt, byte[] payload) {
    Decoded d = new Decoded();
    d.event = event;
    d.origin = origin;
    d.publishedAt = publishedAt;
    d.payload = payload;
    return d;
  }

  public static Decoded invalid(String reason, String origin, long publishedAt, byte[] payload) {
    Decoded d = valid(null, origin, publishedAt, payload);
    d.reason = reason;
    return d;
  }

  public boolean isValid() {
    return event != null;
  }
}
