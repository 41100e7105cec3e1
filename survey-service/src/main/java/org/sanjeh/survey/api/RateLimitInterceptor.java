package org.sanjeh.survey.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Limits requests to the answer pages per link and per client address, in one-minute windows: a
 * link being hammered (a bot, a forwarded e-mail) or one address trying many links gets 429 with
 * {@code Retry-After}, and the answers already given stand.
 */
public final class RateLimitInterceptor implements HandlerInterceptor {

  private final int perLink;
  private final int perAddress;
  private final Clock clock;
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private volatile long window;

  public RateLimitInterceptor(int perLink, int perAddress, Clock clock) {
    this.perLink = perLink;
    this.perAddress = perAddress;
    this.clock = clock;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    long minute = clock.millis() / 60_000;
    if (minute != window) {
      synchronized (this) {
        if (minute != window) {
          counts.clear();
          window = minute;
        }
      }
    }
    String path = request.getRequestURI();
    String link = path.substring(path.lastIndexOf('/') + 1);
    boolean tooMany =
        counts.computeIfAbsent("link:" + link, k -> new AtomicInteger()).incrementAndGet() > perLink
            | counts
                    .computeIfAbsent("ip:" + request.getRemoteAddr(), k -> new AtomicInteger())
                    .incrementAndGet()
                > perAddress;
    if (tooMany) {
      long retryAfter = 60 - (clock.millis() / 1000) % 60;
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(retryAfter));
      response.setContentType("text/plain;charset=UTF-8");
      response
          .getOutputStream()
          .write(
              ("Too many requests for this survey; try again in " + retryAfter + " seconds.\n")
                  .getBytes(StandardCharsets.UTF_8));
      return false;
    }
    return true;
  }
}
