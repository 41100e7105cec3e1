package org.sanjeh.dashboards.viewer.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Who may read: a request with a known key in {@code X-Api-Key}, or a browser whose session logged
 * in with one. Sessions are only ever created by a successful login, so unknown clients cost no
 * memory.
 */
public final class Authentication {

  public static final String KEY_HEADER = "X-Api-Key";
  static final String SESSION_ATTRIBUTE = "sanjeh.viewer.authenticated";

  private final ViewerKeys keys;

  public Authentication(ViewerKeys keys) {
    this.keys = keys;
  }

  public boolean isAuthenticated(HttpServletRequest request) {
    String key = request.getHeader(KEY_HEADER);
    if (key != null) {
      return keys.accepts(key);
    }
    HttpSession session = request.getSession(false);
    return session != null && Boolean.TRUE.equals(session.getAttribute(SESSION_ATTRIBUTE));
  }

  boolean accepts(String key) {
    return keys.accepts(key);
  }
}
