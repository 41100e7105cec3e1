package org.sanjeh.dashboards.viewer.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Log in once with the key: the browser then holds only a session cookie (HttpOnly, SameSite
 * Strict, set in application.yml), never the key.
 */
@Controller
class LoginController {

  private final Authentication authentication;
  private final LoginThrottle throttle;
  private final Duration sessionTimeout;

  LoginController(Authentication authentication, LoginThrottle throttle, SessionTimeout timeout) {
    this.authentication = authentication;
    this.throttle = throttle;
    this.sessionTimeout = timeout.value();
  }

  @GetMapping("/login")
  String form(@RequestParam(defaultValue = "/") String next, Model model) {
    model.addAttribute("next", localPath(next));
    return "viewer/login";
  }

  @PostMapping("/login")
  String login(
      @RequestParam(defaultValue = "") String key,
      @RequestParam(defaultValue = "/") String next,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("next", localPath(next));
    if (!throttle.tryAcquire()) {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(throttle.secondsToWait()));
      model.addAttribute("error", "login.throttled");
      return "viewer/login";
    }
    if (!authentication.accepts(key.strip())) {
      response.setStatus(401);
      model.addAttribute("error", "login.wrong");
      return "viewer/login";
    }
    throttle.succeeded();
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate(); // a fresh id at login: a planted session id is worth nothing
    }
    HttpSession session = request.getSession(true);
    session.setMaxInactiveInterval((int) sessionTimeout.toSeconds());
    session.setAttribute(Authentication.SESSION_ATTRIBUTE, Boolean.TRUE);
    return "redirect:" + localPath(next);
  }

  @PostMapping("/logout")
  String logout(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return "redirect:/login";
  }

  /** Only a path on this server: {@code next} must not send the browser elsewhere. */
  static String localPath(String next) {
    boolean local =
        next.startsWith("/")
            && !next.startsWith("//")
            && !next.startsWith("/\\")
            && next.length() <= 2000
            && next.chars().noneMatch(c -> c < 0x20);
    return local ? next : "/";
  }

  /** The session lifetime, a bean of its own so the controller needs no properties type. */
  record SessionTimeout(Duration value) {}
}
