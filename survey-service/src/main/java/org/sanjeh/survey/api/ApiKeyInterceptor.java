package org.sanjeh.survey.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.sanjeh.core.util.Hashes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

/** {@code /v1} (invitations, scores) needs a key; only SHA-256 hashes are configured. */
public final class ApiKeyInterceptor implements HandlerInterceptor {

  private final Set<String> hashes;

  public ApiKeyInterceptor(List<String> sourceColonHash) {
    this.hashes =
        sourceColonHash.stream()
            .map(entry -> entry.substring(entry.indexOf(':') + 1).strip().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String key = request.getHeader("X-Api-Key");
    if (key == null || !hashes.contains(sha256(key))) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.UNAUTHORIZED, "Send a valid key in the X-Api-Key header.");
      problem.setTitle("Missing or unknown API key");
      throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
    }
    return true;
  }

  public static String sha256(String key) {
    return Hashes.sha256Hex(key);
  }
}
