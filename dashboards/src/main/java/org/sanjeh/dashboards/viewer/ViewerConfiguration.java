package org.sanjeh.dashboards.viewer;

import java.time.Clock;
import org.sanjeh.dashboards.definition.DefinitionLoader;
import org.sanjeh.dashboards.definition.Definitions;
import org.sanjeh.dashboards.query.DashboardQueries;
import org.sanjeh.warehouse.Warehouse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The definitions (checked at start: a broken file stops the viewer), the warehouse, a clock, the
 * language from {@code ?lang=} and the headers every response carries.
 */
@Configuration(proxyBeanMethods = false)
class ViewerConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Definitions definitions() {
    return DefinitionLoader.bundled();
  }

  @Bean
  Warehouse warehouse(ViewerProperties properties) {
    // Lazy: the viewer comes up while ClickHouse is down and answers 503 until it is back.
    return Warehouse.lazy(properties.warehouse());
  }

  @Bean
  DashboardQueries dashboardQueries(
      Warehouse warehouse, Definitions definitions, ViewerProperties properties) {
    return new DashboardQueries(warehouse, definitions, properties.zone());
  }

  @Bean
  DashboardCatalog dashboardCatalog(Definitions definitions, MessageSource messages) {
    return new DashboardCatalog(definitions, new Labels(messages));
  }

  @Bean
  LocaleResolver localeResolver() {
    return new Language.Resolver();
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
