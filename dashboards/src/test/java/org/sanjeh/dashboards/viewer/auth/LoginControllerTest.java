package org.sanjeh.dashboards.viewer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginControllerTest {

  @Test
  void afterLoginTheBrowserGoesOnlyToAPathOnThisServer() {
    assertThat(LoginController.localPath("/d/live_service?lang=fa"))
        .isEqualTo("/d/live_service?lang=fa");
    assertThat(LoginController.localPath("//evil.example/x")).isEqualTo("/");
    assertThat(LoginController.localPath("/\\evil.example")).isEqualTo("/");
    assertThat(LoginController.localPath("https://evil.example/")).isEqualTo("/");
    assertThat(LoginController.localPath("/ok\r\nSet-Cookie: x")).isEqualTo("/");
  }
}
