package org.sanjeh.ingestion.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Ids derived from a channel's own ids: the same input always gives the same, short id. */
public final class StableIds {

  private StableIds() {}

  public static String ticket(String sourceSystem, String firstMessageId) {
    return "T-" + hash(sourceSystem + "\n" + firstMessageId);
  }

  /** {@code source:messageId} when that is short and clean, else {@code source:hash}. */
  public static String event(String sourceSystem, String messageId) {
    String plain = sourceSystem + ":" + messageId;
    boolean clean = plain.length() <= 100 && plain.chars().noneMatch(Character::isISOControl);
    return clean ? plain : sourceSystem + ":" + hash(messageId);
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
