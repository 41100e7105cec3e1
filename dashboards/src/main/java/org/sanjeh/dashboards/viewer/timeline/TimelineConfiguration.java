package org.sanjeh.dashboards.viewer.timeline;

import java.nio.file.Path;
import org.sanjeh.dashboards.timeline.TicketTimelines;
import org.sanjeh.dashboards.viewer.ViewerProperties;
import org.sanjeh.warehouse.Warehouse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimelineConfiguration {

  /** The streaming job's policy file ({@code --policy}), so both clocks run by the same rules. */
  @Bean
  TicketTimelines ticketTimelines(Warehouse warehouse, ViewerProperties properties) {
    String file = properties.slaPolicyFile();
    return TicketTimelines.withPolicyFile(warehouse, file.isBlank() ? null : Path.of(file));
  }
}
