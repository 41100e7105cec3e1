package org.sanjeh.survey.link;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sanjeh.core.survey.SurveyKind;

/**
 * Signed survey links. A token carries the invitation id, the survey kind and the expiry, signed
 * with HMAC-SHA256 under a key from configuration, so a forged, altered or expired link is refused
 * without a database lookup. Invitation ids are 128 random bits, so they cannot be guessed.
 *
 * <p>Token: {@code base64url(version | kind | expiry seconds | 16-byte id) "." base64url(hmac)}.
 */
public final class SurveyLinks {

  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(14);
  private static final byte VERSION = 1;
  private static final int MIN_KEY_BYTES = 32;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param signingKey at least 32 bytes of secret, from configuration, never from code
   */
  public SurveyLinks(byte[] signingKey, Clock clock) {
    if (signingKey == null || signingKey.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "the survey link signing key must be at least "
              + MIN_KEY_BYTES
              + " bytes; set SANJEH_SURVEY_SIGNING_KEY (the demo generates one)");
    }
    this.key = new SecretKeySpec(signingKey.clone(), "HmacSHA256");
    this.clock = clock;
  }

  /** What a valid token says. */
  public record Invitation(String invitationId, SurveyKind kind, Instant expiresAt) {}

  /** Why a token was refused. */
  public enum Refusal {
    MALFORMED,
    FORGED,
    EXPIRED
  }

  /** A token that is not accepted, with the reason a person can read. */
  public static final class RefusedLink extends RuntimeException {
    private final Refusal refusal;

    RefusedLink(Refusal refusal, String message) {
      super(message);
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  /** A new invitation id and its token, valid for {@code validity}. */
  public String issue(SurveyKind kind, Duration validity) {
    byte[] id = new byte[16];
    random.nextBytes(id);
    return token(id, kind, clock.instant().plus(validity));
  }

  /** The invitation a token stands for. */
  public Invitation verify(String token) {
    int dot = token == null ? -1 : token.indexOf('.');
    if (dot <= 0 || dot == token.length() - 1) {
      throw new RefusedLink(
          Refusal.MALFORMED,
          "this survey link is incomplete: open it again from the message you received");
    }
    byte[] payload;
    byte[] signature;
    try {
      payload = DECODER.decode(token.substring(0, dot));
      signature = DECODER.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new RefusedLink(
          Refusal.MALFORMED,
          "this survey link is damaged: open it again from the message you received");
    }
    if (!MessageDigest.isEqual(signature, hmac(payload))) {
      throw new RefusedLink(Refusal.FORGED, "this survey link is not one we sent");
    }
    ByteBuffer fields = ByteBuffer.wrap(payload);
    if (payload.length != 1 + 1 + 8 + 16 || fields.get() != VERSION) {
      throw new RefusedLink(Refusal.MALFORMED, "this survey link has an unknown format");
    }
    int kindIndex = fields.get();
    if (kindIndex < 0 || kindIndex >= SurveyKind.values().length) {
      throw new RefusedLink(Refusal.MALFORMED, "this survey link names no survey");
    }
    Instant expiresAt = Instant.ofEpochSecond(fields.getLong());
    byte[] id = new byte[16];
    fields.get(id);
    if (!clock.instant().isBefore(expiresAt)) {
      throw new RefusedLink(
          Refusal.EXPIRED, "this survey closed on " + expiresAt + "; thank you all the same");
    }
    return new Invitation(ENCODER.encodeToString(id), SurveyKind.values()[kindIndex], expiresAt);
  }

  private String token(byte[] id, SurveyKind kind, Instant expiresAt) {
    ByteBuffer payload = ByteBuffer.allocate(1 + 1 + 8 + 16);
    payload.put(VERSION).put((byte) kind.ordinal()).putLong(expiresAt.getEpochSecond()).put(id);
    byte[] bytes = payload.array();
    return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(hmac(bytes));
  }

  private byte[] hmac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(payload);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  /**
   * The anti-forgery value of the answer form of {@code token}: only a page this service rendered
   * for that link carries it, so another site cannot post answers in the customer's name.
   */
  public String formToken(String token) {
    return ENCODER.encodeToString(hmac(("form\n" + token).getBytes(StandardCharsets.UTF_8)));
  }

  public boolean formTokenValid(String token, String formToken) {
    return formToken != null
        && MessageDigest.isEqual(
            formToken(token).getBytes(StandardCharsets.US_ASCII),
            formToken.getBytes(StandardCharsets.US_ASCII));
  }

  /** For keys given as text in configuration: the UTF-8 bytes. */
  public static byte[] keyFromText(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }
}
