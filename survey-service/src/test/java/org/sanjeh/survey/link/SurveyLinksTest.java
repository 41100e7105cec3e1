package org.sanjeh.survey.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.survey.SurveyKind;

class SurveyLinksTest {

  private static final byte[] KEY = "a-32-byte-or-longer-test-signing-key!".getBytes();
  private static final Instant NOW = Instant.parse("2026-05-08T10:00:00Z");
  private final SurveyLinks links = new SurveyLinks(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aTokenCarriesItsInvitationKindAndExpiry() {
    String token = links.issue(SurveyKind.NPS, SurveyLinks.DEFAULT_VALIDITY);

    SurveyLinks.Invitation invitation = links.verify(token);

    assertThat(invitation.kind()).isEqualTo(SurveyKind.NPS);
    assertThat(invitation.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(14)));
    assertThat(invitation.invitationId()).hasSize(22);
    assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
  }

  @Test
  void idsAreNotGuessable() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(links.verify(links.issue(SurveyKind.CSAT, Duration.ofDays(1))).invitationId());
    }
    assertThat(ids).hasSize(1000);
  }

  @Test
  void anAlteredTokenIsRefusedAsForged() {
    String token = links.issue(SurveyKind.CSAT, Duration.ofDays(1));
    char[] chars = token.toCharArray();
    chars[3] = chars[3] == 'A' ? 'B' : 'A';

    assertThatThrownBy(() -> links.verify(new String(chars)))
        .isInstanceOfSatisfying(
            SurveyLinks.RefusedLink.class,
            e -> assertThat(e.refusal()).isEqualTo(SurveyLinks.Refusal.FORGED));
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() {
    SurveyLinks other =
        new SurveyLinks(
            "another-32-byte-or-longer-signing-key".getBytes(), Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatThrownBy(() -> links.verify(other.issue(SurveyKind.CES, Duration.ofDays(1))))
        .hasMessage("this survey link is not one we sent");
  }

  @Test
  void anExpiredTokenIsRefusedWithTheDate() {
    String token = links.issue(SurveyKind.CSAT, Duration.ofDays(14));
    SurveyLinks later =
        new SurveyLinks(KEY, Clock.fixed(NOW.plus(Duration.ofDays(15)), ZoneOffset.UTC));

    assertThatThrownBy(() -> later.verify(token))
        .isInstanceOfSatisfying(
            SurveyLinks.RefusedLink.class,
            e -> assertThat(e.refusal()).isEqualTo(SurveyLinks.Refusal.EXPIRED))
        .hasMessageContaining("2026-05-22T10:00:00Z");
  }

  @Test
  void damagedTokensAreRefusedAsMalformed() {
    for (String broken : new String[] {null, "", "abc", "abc.", ".sig", "!!!.###"}) {
      assertThatThrownBy(() -> links.verify(broken))
          .as(broken)
          .isInstanceOfSatisfying(
              SurveyLinks.RefusedLink.class,
              e -> assertThat(e.refusal()).isEqualTo(SurveyLinks.Refusal.MALFORMED));
    }
  }

  @Test
  void aShortKeyIsRefusedWithTheFix() {
    assertThatThrownBy(() -> new SurveyLinks("short".getBytes(), Clock.systemUTC()))
        .hasMessageContaining("at least 32 bytes")
        .hasMessageContaining("SANJEH_SURVEY_SIGNINGKEY");
  }

  private static final byte[] OLD = "the-old-32-byte-or-longer-signing-key".getBytes();
  private static final byte[] NEW = "the-new-32-byte-or-longer-signing-key".getBytes();

  private static SurveyLinks keys(Clock clock, SurveyLinks.SigningKey... keys) {
    return new SurveyLinks(List.of(keys), clock, SurveyLinks.DEFAULT_FORM_VALIDITY);
  }

  @Test
  void afterRotationTheNewKeySignsAndLinksSignedWithTheOldOneStillWorkUntilItIsRemoved() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    SurveyLinks before = keys(clock, new SurveyLinks.SigningKey("2026a", OLD));
    SurveyLinks during =
        keys(
            clock,
            new SurveyLinks.SigningKey("2026b", NEW),
            new SurveyLinks.SigningKey("2026a", OLD));
    SurveyLinks after = keys(clock, new SurveyLinks.SigningKey("2026b", NEW));
    String oldLink = before.issue(SurveyKind.CSAT, Duration.ofDays(1));
    String newLink = during.issue(SurveyKind.CSAT, Duration.ofDays(1));

    assertThat(during.verify(oldLink).invitationId())
        .isEqualTo(before.verify(oldLink).invitationId());
    assertThat(after.verify(newLink).kind()).isEqualTo(SurveyKind.CSAT);
    assertThatThrownBy(() -> before.verify(newLink))
        .as("the old key alone does not know the new key's links")
        .hasMessage("this survey link is not one we sent");
    assertThatThrownBy(() -> after.verify(oldLink))
        .hasMessage("this survey link is not one we sent");
    SurveyLinks.Invitation invitation = during.verify(oldLink);
    String formOfOldKey = before.formToken(invitation);
    during.checkFormToken(invitation, formOfOldKey);
    assertThat(during.formToken(invitation)).startsWith("2026b.");
  }

  @Test
  void aVersionOneLinkIssuedBeforeKeyIdsVerifiesUnderTheKeyThatSignedIt() throws Exception {
    byte[] payload = new byte[26];
    java.nio.ByteBuffer.wrap(payload)
        .put((byte) 1)
        .put((byte) SurveyKind.NPS.ordinal())
        .putLong(NOW.plus(Duration.ofDays(3)).getEpochSecond())
        .put(new byte[16]);
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(OLD, "HmacSHA256"));
    java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    String v1 = b64.encodeToString(payload) + "." + b64.encodeToString(mac.doFinal(payload));

    SurveyLinks rotated =
        keys(
            Clock.fixed(NOW, ZoneOffset.UTC),
            new SurveyLinks.SigningKey("new", NEW),
            new SurveyLinks.SigningKey("0", OLD));

    assertThat(rotated.verify(v1).kind()).isEqualTo(SurveyKind.NPS);
    assertThatThrownBy(
            () ->
                keys(Clock.fixed(NOW, ZoneOffset.UTC), new SurveyLinks.SigningKey("new", NEW))
                    .verify(v1))
        .hasMessage("this survey link is not one we sent");
  }

  @Test
  void signingKeysFromConfigurationAreIdColonSecretTheFirstSigning() {
    List<SurveyLinks.SigningKey> keys =
        SurveyLinks.keysFromConfiguration(
            List.of("2026b:" + new String(NEW), " 2026a : " + new String(OLD)), "ignored");

    assertThat(keys).extracting(SurveyLinks.SigningKey::id).containsExactly("2026b", "2026a");
    assertThat(SurveyLinks.keysFromConfiguration(List.of(), new String(OLD)))
        .extracting(SurveyLinks.SigningKey::id)
        .containsExactly("0");
    assertThatThrownBy(() -> SurveyLinks.keysFromConfiguration(List.of("no-colon"), null))
        .hasMessageContaining("SANJEH_SURVEY_SIGNINGKEYS")
        .hasMessageNotContaining("no-colon");
    assertThatThrownBy(
            () ->
                new SurveyLinks(
                    SurveyLinks.keysFromConfiguration(List.of(), ""),
                    Clock.systemUTC(),
                    SurveyLinks.DEFAULT_FORM_VALIDITY))
        .hasMessageContaining("SANJEH_SURVEY_SIGNINGKEY");
  }

  @Test
  void aTokenInAnyButItsCanonicalSpellingIsRefusedAsMalformed() {
    String token = links.issue(SurveyKind.CSAT, Duration.ofDays(1));
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int dot = token.indexOf('.');
    char last = token.charAt(dot - 1);
    String unusedBit =
        token.substring(0, dot - 1)
            + alphabet.charAt(alphabet.indexOf(last) ^ 1)
            + token.substring(dot);

    for (String spelling :
        new String[] {token.replace(".", "=."), token + "=", unusedBit, token.replace('-', '+')}) {
      if (spelling.equals(token)) {
        continue;
      }
      assertThatThrownBy(() -> links.verify(spelling))
          .as(spelling)
          .isInstanceOfSatisfying(
              SurveyLinks.RefusedLink.class,
              e -> assertThat(e.refusal()).isEqualTo(SurveyLinks.Refusal.MALFORMED));
    }
    assertThat(java.util.Base64.getUrlDecoder().decode(unusedBit.substring(0, dot)))
        .as("Java's decoder alone would accept it")
        .isEqualTo(java.util.Base64.getUrlDecoder().decode(token.substring(0, dot)));
  }

  @Test
  void aFormTokenFitsOnlyItsInvitationAndOnlyForItsValidity() {
    SurveyLinks.Invitation mine = links.verify(links.issue(SurveyKind.CSAT, Duration.ofDays(1)));
    SurveyLinks.Invitation other = links.verify(links.issue(SurveyKind.CSAT, Duration.ofDays(1)));
    String form = links.formToken(mine);
    SurveyLinks later =
        new SurveyLinks(KEY, Clock.fixed(NOW.plus(Duration.ofHours(5)), ZoneOffset.UTC));

    links.checkFormToken(mine, form);
    assertRefused(() -> links.checkFormToken(other, form), SurveyLinks.Refusal.FORM_FORGED);
    assertRefused(() -> links.checkFormToken(mine, null), SurveyLinks.Refusal.FORM_FORGED);
    assertRefused(() -> links.checkFormToken(mine, "0.1.x"), SurveyLinks.Refusal.FORM_FORGED);
    assertRefused(() -> links.checkFormToken(mine, "a.b"), SurveyLinks.Refusal.FORM_FORGED);
    assertRefused(() -> later.checkFormToken(mine, form), SurveyLinks.Refusal.FORM_STALE);
  }

  private static void assertRefused(Runnable check, SurveyLinks.Refusal refusal) {
    assertThatThrownBy(check::run)
        .isInstanceOfSatisfying(
            SurveyLinks.RefusedLink.class, e -> assertThat(e.refusal()).isEqualTo(refusal));
  }
}
