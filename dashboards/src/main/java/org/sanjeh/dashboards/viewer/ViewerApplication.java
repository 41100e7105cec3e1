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
  public static ConfigurableApplicationContext start(Map<String, String> properties) {
    return new SpringApplication(ViewerApplication.class)
        .run(
            properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
  }

  /**
   * For the command line (no Spring type in its signature): starts the viewer and returns its
   * address, e.g. {@code http://127.0.0.1:18088/}. It runs until the JVM stops.
   */
  public static String serve(Map<String, String> properties) {
    ConfigurableApplicationContext context = start(properties);
    Runtime.getRuntime().addShutdownHook(new Thread(context::close, "viewer-shutdown"));
    return address(context);
  }

  /** The address people open: the one listened on, loopback's name for a wildcard. */
  public static String address(ConfigurableApplicationContext context) {
    String host = context.getEnvironment().getProperty("server.address", "127.0.0.1");
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "127.0.0.1";
    }
    int port =
        ((org.springframework.boot.web.server.context.WebServerApplicationContext) context)
            .getWebServer()
            .getPort();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/";
  }
}
