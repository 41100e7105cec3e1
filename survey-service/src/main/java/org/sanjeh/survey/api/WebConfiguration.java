package org.sanjeh.survey.api;

import org.sanjeh.survey.SurveyProperties;
import org.sanjeh.survey.link.SurveyLinks;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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
    registry.addInterceptor(new ApiKeyInterceptor(properties.apiKeys())).addPathPatterns("/v1/**");
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
}
