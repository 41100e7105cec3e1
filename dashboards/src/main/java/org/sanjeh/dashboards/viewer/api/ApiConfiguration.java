package org.sanjeh.dashboards.viewer.api;

import java.time.Clock;
import org.sanjeh.dashboards.viewer.ViewerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

  @Bean
  FilterParameters filterParameters(Clock clock, ViewerProperties properties) {
    return new FilterParameters(clock, properties.zone(), properties.defaultDays());
  }
}
