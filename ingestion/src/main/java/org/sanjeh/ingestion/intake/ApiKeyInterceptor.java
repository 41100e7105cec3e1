package org.sanjeh.ingestion.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/** Every {@code /v1} request names its source with its own API key. */
final class ApiKeyInterceptor implements HandlerInterceptor {

  static final String HEADER = "X-Api-Key";
  static final String SOURCE = "sanjeh.source";

  private final ApiKeys keys;

  ApiKeyInterceptor(ApiKeys keys) {
    this.keys = keys;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String source =
        keys.sourceOf(request.getHeader(HEADER)).orElseThrow(IntakeProblem::unauthorized);
    request.setAttribute(SOURCE, source);
    return true;
  }
}
