package org.sanjeh.core.event;

/**
 * Size limits the codec enforces, so one oversized payload cannot exhaust a consumer.
 *
 * @param maxBodyBytes body size in UTF-8 bytes (default 64 KiB: longer e-mails are truncated by the
 *     channel adapter, which keeps the original elsewhere)
 * @param maxSubjectChars subject length in characters
 * @param maxIdChars length of event, ticket and other identifiers
 * @param maxLabelChars length of free labels (team, tier, source system, …)
 * @param maxTags number of tags
 * @param maxTagChars length of one tag
 */
public record CodecLimits(
    int maxBodyBytes,
    int maxSubjectChars,
    int maxIdChars,
    int maxLabelChars,
    int maxTags,
    int maxTagChars) {

  public static final CodecLimits DEFAULTS = new CodecLimits(64 * 1024, 1000, 128, 256, 50, 100);

  public CodecLimits withMaxBodyBytes(int bytes) {
    return new CodecLimits(bytes, maxSubjectChars, maxIdChars, maxLabelChars, maxTags, maxTagChars);
  }
}
