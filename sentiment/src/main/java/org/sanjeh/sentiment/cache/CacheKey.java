package org.sanjeh.sentiment.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.sanjeh.sentiment.ModelId;

/**
 * SHA-256 of the model id and the text: what a cache stores instead of the text, so a cache file on
 * disk holds no customer's words.
 */
final class CacheKey {

  private CacheKey() {}

  static String of(ModelId model, String cleanedText) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(model.toString().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(cleanedText.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
