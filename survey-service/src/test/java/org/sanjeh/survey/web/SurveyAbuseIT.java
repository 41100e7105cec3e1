package org.sanjeh.survey.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.survey.link.SurveyLinks;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Abuse of the answer pages against the running service and real ClickHouse: link scanners that
 * fetch every one-click URL, damaged and forged tokens and forms, and the same invitation written
 * in other ways to dodge its rate limit.
 */
class SurveyAbuseIT extends LiveSurveyService {

  private static final String BASE64URL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  @DynamicPropertySource
  static void oneAddressForEverything(DynamicPropertyRegistry registry) {
    // every request of this class comes from 127.0.0.1: only the per-link limit is under test
    registry.add("sanjeh.survey.requests-per-address-per-minute", () -> 100_000);
  }

  @Test
  void headAndGetOnEveryOneClickUrlRecordNothingAndOnlyThePostRecords() throws Exception {
    List<String> links = new ArrayList<>();
    for (SurveyKind kind : SurveyKind.values()) {
      for (String language : new String[] {"en", "fa"}) {
        String link = invite(kind, "scanner", language);
        links.add(link);
        for (int score = kind.lowest(); score <= kind.highest(); score++) {
          String oneClick = link + "&score=" + score; // as InvitationService writes them
          HttpResponse<String> head = head(oneClick);
          HttpResponse<String> get = get(oneClick);
          assertThat(head.statusCode()).as("HEAD " + oneClick).isEqualTo(200);
          assertThat(get.statusCode()).as("GET " + oneClick).isEqualTo(200);
          assertThat(get.headers().firstValue("Cache-Control")).hasValue("no-store");
          assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
      }
    }

    String answered = links.get(0);
    HttpResponse<String> post = post(answered, "lang=en&score=3&form=" + enc(formToken(answered)));
    assertThat(post.statusCode()).isEqualTo(200);
    awaitSpoolDrained();

    assertThat(storedAnswers(List.of(answered))).as("the POST is recorded").isEqualTo(1);
    assertThat(storedAnswers(links.subList(1, links.size())))
        .as("answers of links that only had HEAD and GET")
        .isZero();
  }

  @Test
  void tamperedTruncatedExpiredAndNonCanonicalTokensAreRefusedWithTheirStatus() throws Exception {
    String link = invite(SurveyKind.CSAT, "tokens", "en");
    String token = token(link);
    int dot = token.indexOf('.');
    String payload = token.substring(0, dot);
    String signature = token.substring(dot + 1);
    SurveyLinks sameKey =
        new SurveyLinks(SIGNING_KEY.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());

    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put(payload + "." + flipMiddle(signature), 403); // tampered signature
    expected.put(flipMiddle(payload) + "." + signature, 403); // tampered expiry or id
    expected.put(payload, 400); // truncated: no signature
    expected.put(payload + "." + signature.substring(0, 20), 400); // truncated signature
    expected.put(payload.substring(0, 20) + "." + signature, 400); // truncated payload
    expected.put(sameKey.issue(SurveyKind.CSAT, Duration.ofSeconds(-1)), 410); // expired
    expected.put(payload + "=." + signature, 400); // padded: not canonical
    expected.put(unusedBitsSet(payload) + "." + signature, 400); // decodes alike, not canonical
    expected.put(payload + "." + unusedBitsSet(signature), 400);
    expected.put("x".repeat(5000) + "." + signature, 400); // absurdly long

    for (Map.Entry<String, Integer> bad : expected.entrySet()) {
      String url = "http://127.0.0.1:" + port + "/s/" + bad.getKey() + "?lang=en&score=5";
      assertThat(get(url).statusCode()).as("GET %s", bad.getKey()).isEqualTo(bad.getValue());
      String formOfGoodLink = formToken(link);
      assertThat(post(url, "score=5&form=" + enc(formOfGoodLink)).statusCode())
          .as("POST %s", bad.getKey())
          .isEqualTo(bad.getValue());
    }
    awaitSpoolDrained();
    assertThat(storedAnswers(List.of(link))).isZero();
  }

  @Test
  void anotherLinksFormATamperedOneAStaleOneAndNoneAreRefusedAsForbidden() throws Exception {
    String link = invite(SurveyKind.NPS, "forms", "en");
    String other = invite(SurveyKind.NPS, "forms", "en");
    String own = formToken(link);
    SurveyLinks.Invitation invitation =
        new SurveyLinks(SIGNING_KEY.getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
            .verify(token(link));
    String stale =
        new SurveyLinks(
                List.of(
                    new SurveyLinks.SigningKey("0", SIGNING_KEY.getBytes(StandardCharsets.UTF_8))),
                Clock.fixed(Instant.now().minus(Duration.ofHours(5)), ZoneOffset.UTC),
                SurveyLinks.DEFAULT_FORM_VALIDITY)
            .formToken(invitation);

    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("another link's", "&form=" + enc(formToken(other)));
    forms.put("tampered", "&form=" + enc(own.substring(0, own.length() - 2) + "AA"));
    forms.put("re-dated", "&form=" + enc(own.replaceFirst("\\.\\d+\\.", ".1.")));
    forms.put("stale", "&form=" + enc(stale));
    forms.put("missing", "");
    for (Map.Entry<String, String> form : forms.entrySet()) {
      HttpResponse<String> refused = post(link, "lang=en&score=9" + form.getValue());
      assertThat(refused.statusCode()).as(form.getKey() + " form").isEqualTo(403);
      assertThat(refused.body()).contains("open the link from your message again");
    }
    awaitSpoolDrained();
    assertThat(storedAnswers(List.of(link, other))).isZero();

    assertThat(post(link, "lang=en&score=9&form=" + enc(own)).statusCode()).isEqualTo(200);
    assertThat(latestScore(link)).as("its own form still works").isEqualTo(9);
  }

  @Test
  void theSameInvitationWrittenOtherWaysSharesOneRateLimit() throws Exception {
    String fresh = invite(SurveyKind.CES, "spellings", "en");
    String link = invite(SurveyKind.CES, "spellings", "en");
    List<String> spellings = spellings(link);
    for (String spelling : spellings(fresh)) {
      assertThat(get(spelling).statusCode())
          .as(
              "a fresh link written as %s still opens (so it would dodge a path-keyed limit)",
              spelling)
          .isEqualTo(200);
    }

    for (int i = 0; i < 30; i++) {
      assertThat(get(link).statusCode()).isEqualTo(200);
    }
    for (String spelling : spellings) {
      assertThat(get(spelling).statusCode()).as(spelling).isEqualTo(429);
    }
    String token = token(link);
    String nonCanonical =
        "http://127.0.0.1:" + port + "/s/" + token.replace(".", "=.") + "?lang=en";
    assertThat(get(nonCanonical).statusCode()).as("non-canonical spelling").isEqualTo(400);
  }

  /** The same link with a percent escape, a {@code ;parameter} and both. */
  private List<String> spellings(String link) {
    String token = token(link);
    String escaped = "%" + Integer.toHexString(token.charAt(0)).toUpperCase() + token.substring(1);
    String base = "http://127.0.0.1:" + port + "/s/";
    return List.of(
        base + escaped + "?lang=en",
        base + token + ";jsessionid=1?lang=en",
        base + escaped + ";a=b?lang=en&score=3");
  }

  private static String flipMiddle(String text) {
    int at = text.length() / 2;
    char c = text.charAt(at);
    return text.substring(0, at) + (c == 'A' ? 'B' : 'A') + text.substring(at + 1);
  }

  /** The last character with an unused low bit set: Java's decoder reads the same bytes. */
  private static String unusedBitsSet(String text) {
    char last = text.charAt(text.length() - 1);
    char other = BASE64URL.charAt(BASE64URL.indexOf(last) ^ 1);
    return text.substring(0, text.length() - 1) + other;
  }
}
