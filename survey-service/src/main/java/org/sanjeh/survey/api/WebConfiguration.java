package org.sanjeh.survey.api;

import org.sanjeh.survey.SurveyProperties;
import org.sanjeh.survey.link.SurveyLinks;
import org.sanjeh.web.ApiKeyInterceptor;
import org.sanjeh.web.ApiKeys;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  private final SurveyProperties properties;
  private final SurveyLinks links;

  WebConfiguration(SurveyProperties properties, SurveyLinks links) {
    this.properties = properties;
    this.links = links;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new ApiKeyInterceptor(
                new ApiKeys(properties.apiKeys(), "sanjeh.survey.api-keys"),
                WebConfiguration::unauthorized))
        .addPathPatterns("/v1/**");
    registry
        .addInterceptor(
            new RateLimitInterceptor(
                properties.requestsPerLinkPerMinute(),
                properties.requestsPerAddressPerMinute(),
                links,
                new ClientAddress(properties.trustedProxies()),
                properties.rateLimitKeys()))
        .addPathPatterns("/s/**");
  }

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeaders() {
    FilterRegistrationBean<SecurityHeadersFilter> registration =
        new FilterRegistrationBean<>(new SecurityHeadersFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }

  /** {@code /v1} (invitations, scores) needs a key; only SHA-256 hashes are configured. */
  private static ErrorResponseException unauthorized() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED, "Send a valid key in the X-Api-Key header.");
    problem.setTitle("Missing or unknown API key");
    return new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
  }
}
