package org.sanjeh.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request in only with a known key in {@code X-Api-Key}, before any handler reads its body,
 * and names its source in the request attribute {@link #SOURCE}. A missing or unknown key gets the
 * service's own 401 problem.
 */
public final class ApiKeyInterceptor implements HandlerInterceptor {

  public static final String HEADER = "X-Api-Key";
  public static final String SOURCE = "sanjeh.source";

  private final ApiKeys keys;
  private final Supplier<? extends ErrorResponseException> unauthorized;

  /**
   * @param unauthorized the 401 answer, as an RFC 9457 problem
   */
  public ApiKeyInterceptor(ApiKeys keys, Supplier<? extends ErrorResponseException> unauthorized) {
    this.keys = keys;
    this.unauthorized = unauthorized;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String source = keys.sourceOf(request.getHeader(HEADER)).orElseThrow(unauthorized);
    request.setAttribute(SOURCE, source);
    return true;
  }
}
