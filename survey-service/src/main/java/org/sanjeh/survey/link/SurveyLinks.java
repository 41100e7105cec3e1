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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sanjeh.core.survey.SurveyKind;

/**
 * Signed survey links and the answer form's proof of origin. A token carries the invitation id, the
 * survey kind, the expiry and the id of the key that signed it, signed with HMAC-SHA256, so a
 * forged, altered or expired link is refused without a database lookup. Invitation ids are 128
 * random bits, so they cannot be guessed.
 *
 * <p>Token (version 2): {@code base64url(2 | kind | expiry seconds | 16-byte id | key id length |
 * key id) "." base64url(hmac)}. Version 1 tokens (no key id, issued before key rotation existed)
 * are verified against every configured key until they expire.
 *
 * <p>Keys rotate: the first key signs, every key verifies, so a new key can be put first while
 * links signed with the old one keep working until it is removed.
 *
 * <p>Only the canonical spelling of a token is accepted (unpadded base64url whose unused bits are
 * zero: what {@link #issue} writes), so one invitation has exactly one token text and the rate
 * limiter cannot be dodged by writing the same link another way.
 */
public final class SurveyLinks {

  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(14);
  public static final Duration DEFAULT_FORM_VALIDITY = Duration.ofHours(4);

  /** The environment variable Spring's relaxed binding reads {@code sanjeh.survey.signing-key}. */
  public static final String SIGNING_KEY_VARIABLE = "SANJEH_SURVEY_SIGNINGKEY";

  private static final byte VERSION_1 = 1;
  private static final byte VERSION_2 = 2;
  private static final int ID_BYTES = 16;
  private static final int V1_PAYLOAD = 1 + 1 + 8 + ID_BYTES;
  private static final int MIN_KEY_BYTES = 32;

  /** Far above any token we issue; longer path segments are refused before decoding. */
  private static final int MAX_TOKEN_CHARS = 160;

  private static final int SIGNATURE_BYTES = 32;
  private static final int FORM_MAC_BYTES = 18;
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** A signing key and the short id that tokens name it by. */
  public record SigningKey(String id, byte[] secret) {
    public SigningKey {
      if (id == null || !KEY_ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "survey signing key id '"
                + id
                + "' must be 1 to 16 characters of A-Z, a-z, 0-9, '_' or '-'");
      }
      if (secret == null || secret.length < MIN_KEY_BYTES) {
        throw new IllegalArgumentException(
            "the survey link signing key '"
                + id
                + "' must be at least "
                + MIN_KEY_BYTES
                + " bytes; set "
                + SIGNING_KEY_VARIABLE
                + " (or SANJEH_SURVEY_SIGNINGKEYS=id:secret,... to rotate; the demo generates one)");
      }
      secret = secret.clone();
    }
  }

  private final SigningKey signing;
  private final Map<String, SecretKeySpec> verifying = new LinkedHashMap<>();
  private final Clock clock;
  private final Duration formValidity;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param signingKey at least 32 bytes of secret, from configuration, never from code; its id is
   *     {@code 0}
   */
  public SurveyLinks(byte[] signingKey, Clock clock) {
    this(List.of(new SigningKey("0", signingKey)), clock, DEFAULT_FORM_VALIDITY);
  }

  /**
   * @param keys the first signs new tokens; all of them verify
   * @param formValidity how long an answer form's proof of origin is accepted after the page was
   *     rendered
   */
  public SurveyLinks(List<SigningKey> keys, Clock clock, Duration formValidity) {
    if (keys == null || keys.isEmpty()) {
      throw new IllegalArgumentException(
          "no survey link signing key is configured; set " + SIGNING_KEY_VARIABLE);
    }
    for (SigningKey key : keys) {
      if (verifying.put(key.id(), new SecretKeySpec(key.secret(), "HmacSHA256")) != null) {
        throw new IllegalArgumentException(
            "the survey signing key id '" + key.id() + "' is configured twice");
      }
    }
    this.signing = keys.get(0);
    this.clock = clock;
    this.formValidity = formValidity;
  }

  /** What a valid token says. */
  public record Invitation(String invitationId, SurveyKind kind, Instant expiresAt) {}

  /** Why a token was refused. */
  public enum Refusal {
    MALFORMED,
    FORGED,
    EXPIRED,
    /** The answer form's proof of origin is missing or not this link's. */
    FORM_FORGED,
    /** The answer form was rendered too long ago. */
    FORM_STALE
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
    byte[] id = new byte[ID_BYTES];
    random.nextBytes(id);
    return token(id, kind, clock.instant().plus(validity));
  }

  /** The invitation a token stands for. */
  public Invitation verify(String token) {
    int dot = token == null ? -1 : token.indexOf('.');
    if (dot <= 0 || dot == token.length() - 1 || token.length() > MAX_TOKEN_CHARS) {
      throw incomplete();
    }
    byte[] payload = canonicalBase64(token.substring(0, dot));
    byte[] signature = canonicalBase64(token.substring(dot + 1));
    if (signature.length != SIGNATURE_BYTES) {
      throw incomplete();
    }
    if (!signedByUs(payload, signature)) {
      throw new RefusedLink(Refusal.FORGED, "this survey link is not one we sent");
    }
    ByteBuffer fields = ByteBuffer.wrap(payload, 1, payload.length - 1);
    int kindIndex = fields.get();
    if (kindIndex < 0 || kindIndex >= SurveyKind.values().length) {
      throw new RefusedLink(Refusal.MALFORMED, "this survey link names no survey");
    }
    Instant expiresAt = Instant.ofEpochSecond(fields.getLong());
    byte[] id = new byte[ID_BYTES];
    fields.get(id);
    if (!clock.instant().isBefore(expiresAt)) {
      throw new RefusedLink(
          Refusal.EXPIRED, "this survey closed on " + expiresAt + "; thank you all the same");
    }
    return new Invitation(ENCODER.encodeToString(id), SurveyKind.values()[kindIndex], expiresAt);
  }

  /**
   * Whether {@code signature} is {@code payload}'s: under the key the payload names (version 2),
   * or, for version 1, under any configured key. An unknown version, length or key id is refused.
   */
  private boolean signedByUs(byte[] payload, byte[] signature) {
    if (payload.length == V1_PAYLOAD && payload[0] == VERSION_1) {
      for (SecretKeySpec key : verifying.values()) {
        if (MessageDigest.isEqual(signature, hmac(key, payload))) {
          return true;
        }
      }
      return false;
    }
    if (payload.length > V1_PAYLOAD + 1
        && payload[0] == VERSION_2
        && payload.length == V1_PAYLOAD + 1 + payload[V1_PAYLOAD]) {
      String keyId =
          new String(payload, V1_PAYLOAD + 1, payload[V1_PAYLOAD], StandardCharsets.US_ASCII);
      SecretKeySpec key = verifying.get(keyId);
      return key != null && MessageDigest.isEqual(signature, hmac(key, payload));
    }
    throw new RefusedLink(Refusal.MALFORMED, "this survey link has an unknown format");
  }

  private static byte[] canonicalBase64(String text) {
    byte[] bytes;
    try {
      bytes = DECODER.decode(text);
    } catch (IllegalArgumentException e) {
      throw damaged();
    }
    // Java's decoder also takes padding and non-zero unused bits: one invitation, many spellings.
    if (!ENCODER.encodeToString(bytes).equals(text)) {
      throw damaged();
    }
    return bytes;
  }

  private static RefusedLink incomplete() {
    return new RefusedLink(
        Refusal.MALFORMED,
        "this survey link is incomplete: open it again from the message you received");
  }

  private static RefusedLink damaged() {
    return new RefusedLink(
        Refusal.MALFORMED,
        "this survey link is damaged: open it again from the message you received");
  }

  private String token(byte[] id, SurveyKind kind, Instant expiresAt) {
    byte[] keyId = signing.id().getBytes(StandardCharsets.US_ASCII);
    ByteBuffer payload = ByteBuffer.allocate(V1_PAYLOAD + 1 + keyId.length);
    payload
        .put(VERSION_2)
        .put((byte) kind.ordinal())
        .putLong(expiresAt.getEpochSecond())
        .put(id)
        .put((byte) keyId.length)
        .put(keyId);
    byte[] bytes = payload.array();
    return ENCODER.encodeToString(bytes)
        + "."
        + ENCODER.encodeToString(hmac(verifying.get(signing.id()), bytes));
  }

  private static byte[] hmac(SecretKeySpec key, byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(payload);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  /**
   * The answer form's proof that it came from a page this service rendered for {@code invitation},
   * now: {@code keyId "." issued-at seconds "." base64url(hmac)}, the HMAC over the invitation id
   * and the time. Another site cannot make one, another link's does not fit, and an old one runs
   * out after the form validity, so a copied form cannot be replayed for long.
   */
  public String formToken(Invitation invitation) {
    long issued = clock.instant().getEpochSecond();
    return signing.id()
        + "."
        + issued
        + "."
        + formMac(verifying.get(signing.id()), invitation.invitationId(), issued);
  }

  /** Refuses (as {@link RefusedLink}) a form token that is not this invitation's or too old. */
  public void checkFormToken(Invitation invitation, String formToken) {
    String[] parts = formToken == null ? new String[0] : formToken.split("\\.", -1);
    SecretKeySpec key = parts.length == 3 ? verifying.get(parts[0]) : null;
    long issued = key == null ? -1 : parseSeconds(parts[1]);
    if (issued < 0
        || !MessageDigest.isEqual(
            formMac(key, invitation.invitationId(), issued).getBytes(StandardCharsets.US_ASCII),
            parts[2].getBytes(StandardCharsets.US_ASCII))) {
      throw new RefusedLink(
          Refusal.FORM_FORGED,
          "this answer did not come from our survey page; open the link from your message again");
    }
    Instant now = clock.instant();
    Instant rendered = Instant.ofEpochSecond(issued);
    if (rendered.isAfter(now.plusSeconds(60)) || now.isAfter(rendered.plus(formValidity))) {
      throw new RefusedLink(
          Refusal.FORM_STALE,
          "this page was opened too long ago; open the link from your message again to answer");
    }
  }

  private static long parseSeconds(String text) {
    if (text.isEmpty() || text.length() > 12 || !text.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(text);
  }

  private static String formMac(SecretKeySpec key, String invitationId, long issued) {
    byte[] mac =
        hmac(key, ("form\n" + invitationId + "\n" + issued).getBytes(StandardCharsets.UTF_8));
    return ENCODER.encodeToString(Arrays.copyOf(mac, FORM_MAC_BYTES));
  }

  /**
   * Keys from configuration: {@code id:secret} entries (the first signs), or else the single {@code
   * legacy} secret as key {@code 0}.
   */
  public static List<SigningKey> keysFromConfiguration(List<String> idColonSecret, String legacy) {
    List<SigningKey> keys = new ArrayList<>();
    for (String entry : idColonSecret == null ? List.<String>of() : idColonSecret) {
      int colon = entry.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "an entry of sanjeh.survey.signing-keys (SANJEH_SURVEY_SIGNINGKEYS) is not id:secret;"
                + " write e.g. 2026b:<32 or more characters>,2026a:<the old secret>");
      }
      keys.add(
          new SigningKey(
              entry.substring(0, colon).strip(), keyFromText(entry.substring(colon + 1).strip())));
    }
    if (keys.isEmpty() && legacy != null && !legacy.isBlank()) {
      keys.add(new SigningKey("0", keyFromText(legacy)));
    }
    return keys;
  }

  /** For keys given as text in configuration: the UTF-8 bytes. */
  public static byte[] keyFromText(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }
}
