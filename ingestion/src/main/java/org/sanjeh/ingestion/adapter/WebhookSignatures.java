package org.sanjeh.ingestion.adapter;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks that a webhook really comes from the channel, in constant time. */
public final class WebhookSignatures {

  private WebhookSignatures() {}

  /** WhatsApp Cloud API: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>}. */
  public static boolean whatsappValid(String header, byte[] rawBody, String appSecret) {
    if (header == null
        || !header.startsWith("sha256=")
        || appSecret == null
        || appSecret.isEmpty()) {
      return false;
    }
    byte[] expected =
        HexFormat.of()
            .formatHex(hmacSha256(appSecret, rawBody))
            .getBytes(StandardCharsets.US_ASCII);
    byte[] given =
        header
            .substring("sha256=".length())
            .toLowerCase(java.util.Locale.ROOT)
            .getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  /**
   * Telegram Bot API: {@code X-Telegram-Bot-Api-Secret-Token} equals the secret given to
   * setWebhook.
   */
  public static boolean telegramValid(String header, String secretToken) {
    if (header == null || secretToken == null || secretToken.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(
        header.getBytes(StandardCharsets.UTF_8), secretToken.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] hmacSha256(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
