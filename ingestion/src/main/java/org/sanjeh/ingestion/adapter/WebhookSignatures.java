package org.sanjeh.ingestion.adapter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks that a webhook really comes from the channel, in constant time. */
public final class WebhookSignatures {

  private static final String SHA256_PREFIX = "sha256=";
  private static final int HEX_SHA256_LENGTH = 64;

  private WebhookSignatures() {}

  /** A body as read, with the HMAC-SHA256 computed over it while it streamed in. */
  public record SignedBody(byte[] body, byte[] hmac) {}

  /**
   * Whether a WhatsApp call can be signed at all, judged from the header alone: a secret is
   * configured and {@code X-Hub-Signature-256} has the shape {@code sha256=<64 hex>}. When not, the
   * call is refused before its body is read.
   */
  public static boolean whatsappSignaturePresent(String header, String appSecret) {
    return header != null
        && appSecret != null
        && !appSecret.isEmpty()
        && header.length() == SHA256_PREFIX.length() + HEX_SHA256_LENGTH
        && header.startsWith(SHA256_PREFIX);
  }

  /** Reads the whole stream (the caller caps it) and its HMAC-SHA256 in one pass. */
  public static SignedBody readSigned(InputStream in, String secret) throws IOException {
    Mac mac = mac(secret);
    ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
    byte[] buffer = new byte[16 * 1024];
    for (int n; (n = in.read(buffer)) > 0; ) {
      mac.update(buffer, 0, n);
      body.write(buffer, 0, n);
    }
    return new SignedBody(body.toByteArray(), mac.doFinal());
  }

  /** WhatsApp Cloud API: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>}. */
  public static boolean whatsappValid(String header, byte[] rawBody, String appSecret) {
    return whatsappSignaturePresent(header, appSecret)
        && whatsappMatches(header, hmacSha256(appSecret, rawBody));
  }

  /** The header names this HMAC (computed with the app secret over the raw body). */
  public static boolean whatsappMatches(String header, byte[] hmac) {
    if (header == null || !header.startsWith(SHA256_PREFIX)) {
      return false;
    }
    byte[] expected = HexFormat.of().formatHex(hmac).getBytes(StandardCharsets.US_ASCII);
    byte[] given =
        header
            .substring(SHA256_PREFIX.length())
            .toLowerCase(Locale.ROOT)
            .getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  /**
   * A shared secret the channel sends back as it was given, compared in constant time: Telegram's
   * {@code X-Telegram-Bot-Api-Secret-Token} (the secret given to setWebhook) and WhatsApp's {@code
   * hub.verify_token} (the verify token of the subscription check). No secret configured: nothing
   * matches.
   */
  public static boolean sharedSecretMatches(String presented, String configured) {
    if (presented == null || configured == null || configured.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8), configured.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] hmacSha256(String secret, byte[] body) {
    return mac(secret).doFinal(body);
  }

  private static Mac mac(String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
