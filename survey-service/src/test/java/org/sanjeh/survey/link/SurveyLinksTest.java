package org.sanjeh.survey.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
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
    assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
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
        .hasMessageContaining("SANJEH_SURVEY_SIGNING_KEY");
  }
}
