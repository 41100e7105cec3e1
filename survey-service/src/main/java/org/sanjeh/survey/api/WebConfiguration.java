package org.sanjeh.survey.api;

import org.sanjeh.survey.SurveyProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  private final SurveyProperties properties;
  private final java.time.Clock clock;

  WebConfiguration(SurveyProperties properties, java.time.Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ApiKeyInterceptor(properties.apiKeys())).addPathPatterns("/v1/**");
    registry
        .addInterceptor(
            new RateLimitInterceptor(
                properties.requestsPerLinkPerMinute(),
                properties.requestsPerAddressPerMinute(),
                clock))
        .addPathPatterns("/s/**");
  }
}
