package org.sanjeh.survey.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.survey.link.SurveyLinks;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

class RateLimitInterceptorTest {

  private final SurveyLinks links =
      new SurveyLinks("a-32-byte-or-longer-test-signing-key!".getBytes(), Clock.systemUTC());

  private static MockHttpServletRequest request(String peer, String token, String... xff) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/s/" + token);
    request.setRemoteAddr(peer);
    request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("token", token));
    for (String hop : xff) {
      request.addHeader("X-Forwarded-For", hop);
    }
    return request;
  }

  private static boolean allowed(RateLimitInterceptor limiter, MockHttpServletRequest request)
      throws Exception {
    return limiter.preHandle(request, new MockHttpServletResponse(), new Object());
  }

  @Test
  void manyDistinctAddressesAndLinksStayWithinTheMemoryBound() throws Exception {
    RateLimitInterceptor limiter =
        new RateLimitInterceptor(30, 300, links, new ClientAddress(List.of()), 1_000);

    for (int i = 0; i < 20_000; i++) {
      String peer = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
      String token = i % 2 == 0 ? links.issue(SurveyKind.CSAT, Duration.ofDays(1)) : "junk" + i;
      allowed(limiter, request(peer, token));
    }

    assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(1_000);
  }

  @Test
  void aForwardedForHeaderFromAnUntrustedPeerDoesNotBuyANewAddressBudget() throws Exception {
    RateLimitInterceptor limiter =
        new RateLimitInterceptor(1_000, 5, links, new ClientAddress(List.of("10.0.0.1")), 1_000);
    int allowed = 0;
    for (int i = 0; i < 20; i++) {
      if (allowed(limiter, request("203.0.113.9", "junk", "198.51.100." + i))) {
        allowed++;
      }
    }
    assertThat(allowed).isEqualTo(5);

    int viaProxy = 0;
    for (int i = 0; i < 20; i++) {
      if (allowed(limiter, request("10.0.0.1", "junk", "198.51.100." + i))) {
        viaProxy++;
      }
    }
    assertThat(viaProxy)
        .as("behind the trusted proxy each client has its own budget")
        .isEqualTo(20);
  }

  @Test
  void aLinkIsLimitedByItsVerifiedInvitationAcrossAddresses() throws Exception {
    RateLimitInterceptor limiter =
        new RateLimitInterceptor(3, 1_000, links, new ClientAddress(List.of()), 1_000);
    String token = links.issue(SurveyKind.NPS, Duration.ofDays(1));
    MockHttpServletResponse refused = new MockHttpServletResponse();

    for (int i = 0; i < 3; i++) {
      assertThat(allowed(limiter, request("192.0.2." + i, token))).isTrue();
    }
    assertThat(limiter.preHandle(request("192.0.2.99", token), refused, new Object())).isFalse();
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
  }

  @Test
  void retryAfterIsTheWaitInWholeSecondsRoundedUpAndNeverZero() {
    assertThat(RateLimitInterceptor.retryAfterSeconds(60_000_000_000L)).isEqualTo(60);
    assertThat(RateLimitInterceptor.retryAfterSeconds(59_000_000_001L)).isEqualTo(60);
    assertThat(RateLimitInterceptor.retryAfterSeconds(59_000_000_000L)).isEqualTo(59);
    assertThat(RateLimitInterceptor.retryAfterSeconds(1)).isEqualTo(1);
    assertThat(RateLimitInterceptor.retryAfterSeconds(0)).isEqualTo(1);
  }
}
