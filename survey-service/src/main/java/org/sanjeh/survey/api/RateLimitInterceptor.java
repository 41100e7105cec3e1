package org.sanjeh.survey.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.sanjeh.survey.link.SurveyLinks;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Limits requests to the answer pages per invitation and per client address (token buckets,
 * refilled every minute): a link being hammered (a bot, a forwarded e-mail) or one address trying
 * many links gets 429 with {@code Retry-After}, and the answers already given stand.
 *
 * <p>The invitation is the one the signed token names after verification, not the text of the path,
 * so percent escapes, {@code ;parameters} or another base64 spelling (which {@link SurveyLinks}
 * refuses anyway) are the same invitation. A token that does not verify counts against the address
 * only. The buckets live in a cache bounded to {@code maxKeys} entries, so many distinct links or
 * addresses cannot exhaust memory; the least used are forgotten first.
 */
public final class RateLimitInterceptor implements HandlerInterceptor {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final Bandwidth perLink;
  private final Bandwidth perAddress;
  private final SurveyLinks links;
  private final ClientAddress clients;
  private final Cache<String, Bucket> buckets;

  public RateLimitInterceptor(
      int perLink, int perAddress, SurveyLinks links, ClientAddress clients, int maxKeys) {
    this.perLink = perMinute(perLink);
    this.perAddress = perMinute(perAddress);
    this.links = links;
    this.clients = clients;
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(maxKeys)
            // a bucket untouched for a whole window is full again: forgetting it changes nothing
            .expireAfterAccess(WINDOW.multipliedBy(2))
            .build();
  }

  /**
   * {@code requests} per minute, refilled whole a minute after a key's first request (the window of
   * each key starts when it is first seen, so a burst is never more than twice the limit).
   */
  private static Bandwidth perMinute(int requests) {
    return Bandwidth.builder().capacity(requests).refillIntervally(requests, WINDOW).build();
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    ConsumptionProbe address = take("ip:" + clients.of(request), perAddress);
    String invitation = verifiedInvitation(request);
    ConsumptionProbe link = invitation == null ? null : take("link:" + invitation, perLink);
    long waitNanos =
        Math.max(
            address.isConsumed() ? 0 : address.getNanosToWaitForRefill(),
            link == null || link.isConsumed() ? 0 : link.getNanosToWaitForRefill());
    if (address.isConsumed() && (link == null || link.isConsumed())) {
      return true;
    }
    long retryAfter = retryAfterSeconds(waitNanos);
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(retryAfter));
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("text/plain;charset=UTF-8");
    response
        .getOutputStream()
        .write(
            ("Too many requests for this survey; try again in " + retryAfter + " seconds.\n")
                .getBytes(StandardCharsets.UTF_8));
    return false;
  }

  /** The wait in whole seconds, rounded up, at least 1: exactly 60 s is 60 (not 61). */
  static long retryAfterSeconds(long waitNanos) {
    return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
  }

  private ConsumptionProbe take(String key, Bandwidth limit) {
    return buckets
        .get(key, k -> Bucket.builder().addLimit(limit).build())
        .tryConsumeAndReturnRemaining(1);
  }

  /** The invitation id of the request's token when it verifies; null otherwise. */
  private String verifiedInvitation(HttpServletRequest request) {
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    Object token = variables instanceof Map<?, ?> map ? map.get("token") : null;
    if (!(token instanceof String text)) {
      return null;
    }
    try {
      return links.verify(text).invitationId();
    } catch (SurveyLinks.RefusedLink refused) {
      return null; // the page refuses it; the address has paid for the try
    }
  }

  /** How many links and addresses are remembered now (for the memory-bound test). */
  long trackedKeys() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }
}
