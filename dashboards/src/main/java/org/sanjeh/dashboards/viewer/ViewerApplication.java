package org.sanjeh.dashboards.viewer;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The built-in dashboard viewer: the same definitions as the Superset bundle, drawn with Apache
 * ECharts, over a JSON API that runs only the defined queries.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ViewerApplication {

  public static void main(String[] args) {
    SpringApplication.run(ViewerApplication.class, args);
  }

  /**
   * Starts the viewer with these Spring properties (e.g. {@code server.port}) over those of {@code
   * application.yml}; the context runs until it is closed.
   */
  public static ConfigurableApplicationContext start(Map<String, Object> properties) {
    SpringApplication application = new SpringApplication(ViewerApplication.class);
    application.setDefaultProperties(Map.of());
    return application.run(
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new));
  }
}
