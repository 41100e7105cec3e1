package org.sanjeh.dashboards.viewer;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
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
   * For the command line (no Spring type in its signature): starts the viewer, tells {@code
   * started} its address (e.g. {@code http://127.0.0.1:18088/}) and serves until the calling thread
   * is interrupted or the JVM stops (Ctrl-C, {@code ./sanjeh viewer stop}); then closes it.
   */
  public static void serveUntilStopped(Map<String, String> properties, Consumer<String> started) {
    ConfigurableApplicationContext context = start(properties);
    Thread hook = new Thread(context::close, "viewer-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean interrupted = false;
    try {
      started.accept(address(context));
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      interrupted = true; // set again after closing: an interrupted thread cannot stop Tomcat
    } finally {
      context.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is stopping: the hook runs anyway, and closing twice is harmless
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
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
