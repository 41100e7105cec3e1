package org.sanjeh.dashboards.viewer.auth;

import java.time.Clock;
import org.sanjeh.dashboards.viewer.ViewerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every page and API call needs a key or a session, except the login form and static files. */
@Configuration(proxyBeanMethods = false)
class AuthenticationConfiguration implements WebMvcConfigurer {

  private final Authentication authentication;

  AuthenticationConfiguration(ViewerProperties properties) {
    this.authentication =
        new Authentication(
            ViewerKeys.fromConfiguration(properties.apiKeys(), properties.keyFile()));
  }

  @Bean
  Authentication authentication() {
    return authentication;
  }

  @Bean
  LoginThrottle loginThrottle(ViewerProperties properties, Clock clock) {
    return new LoginThrottle(properties.failedLoginsPerMinute(), clock);
  }

  @Bean
  LoginController.SessionTimeout sessionTimeout(ViewerProperties properties) {
    return new LoginController.SessionTimeout(properties.sessionTimeout());
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new AuthenticationInterceptor(authentication))
        .addPathPatterns("/**")
        .excludePathPatterns("/login", "/logout", "/vendor/**", "/viewer/**", "/error");
  }
}
