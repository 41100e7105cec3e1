package org.sanjeh.dashboards.viewer;

import java.time.Clock;
import java.time.Duration;
import org.sanjeh.dashboards.definition.DefinitionLoader;
import org.sanjeh.dashboards.definition.Definitions;
import org.sanjeh.dashboards.query.DashboardQueries;
import org.sanjeh.dashboards.query.DatasetSnapshots;
import org.sanjeh.dashboards.query.SnapshotTables;
import org.sanjeh.warehouse.Warehouse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The definitions (checked at start: a broken file stops the viewer), the warehouse, a clock, the
 * language from {@code ?lang=} and the headers every response carries; the dataset snapshots and
 * their refresher.
 */
@Configuration(proxyBeanMethods = false)
class ViewerConfiguration {

  /** How often the refresher looks for a dataset snapshot whose period has passed. */
  private static final Duration SNAPSHOT_TICK = Duration.ofSeconds(5);

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
  DatasetSnapshots datasetSnapshots(
      Warehouse warehouse, Definitions definitions, ViewerProperties properties) {
    // the system's clock, not the business clock bean: refresh periods and "as of" are real time
    return new DatasetSnapshots(warehouse, definitions, properties.zone(), Clock.systemUTC());
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  SnapshotRefresher snapshotRefresher(DatasetSnapshots snapshots, ViewerProperties properties) {
    return new SnapshotRefresher(snapshots, SNAPSHOT_TICK, properties.snapshots());
  }

  @Bean
  DashboardQueries dashboardQueries(
      Warehouse warehouse,
      Definitions definitions,
      ViewerProperties properties,
      DatasetSnapshots snapshots) {
    return new DashboardQueries(
        warehouse,
        definitions,
        properties.zone(),
        properties.snapshots() ? snapshots : SnapshotTables.NONE);
  }

  @Bean
  DashboardCatalog dashboardCatalog(Definitions definitions, MessageSource messages) {
    return new DashboardCatalog(definitions, new Labels(messages), ValueTitles.bundled());
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
