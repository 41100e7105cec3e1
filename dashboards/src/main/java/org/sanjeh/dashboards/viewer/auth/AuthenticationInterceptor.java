package org.sanjeh.dashboards.viewer.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Before any work: the API answers 401 (a problem) to a request without a key or session, a page
 * sends the browser to the login form and back.
 */
public final class AuthenticationInterceptor implements HandlerInterceptor {

  private final Authentication authentication;

  public AuthenticationInterceptor(Authentication authentication) {
    this.authentication = authentication;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    if (authentication.isAuthenticated(request)) {
      return true;
    }
    if (request.getRequestURI().startsWith("/api/")) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.UNAUTHORIZED,
              "Send a viewer key in the "
                  + Authentication.KEY_HEADER
                  + " header, or log in at /login first.");
      problem.setTitle("Missing or unknown viewer key");
      throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
    }
    String back =
        request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    response.sendRedirect("/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
    return false;
  }
}
