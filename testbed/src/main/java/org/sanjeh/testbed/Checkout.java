package org.sanjeh.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where a built Sanjeh checkout keeps its jars and its local state ({@code var/}). The root folder
 * is the {@code sanjeh.root} system property (the launcher sets it), else the working folder; the
 * version is the build's, from pom.xml.
 */
public record Checkout(Path root, String version) {

  /** The checkout this JVM was started from. */
  public static Checkout current() {
    String root = System.getProperty("sanjeh.root", "");
    return new Checkout(
        Path.of(root.isEmpty() ? "." : root).toAbsolutePath().normalize(), buildVersion());
  }

  /** The project version this jar was built as ({@code version.properties}, filtered by Maven). */
  public static String buildVersion() {
    Properties properties = new Properties();
    try (InputStream in = Checkout.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the testbed jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }

  /** The local state of the demo's servers and services. */
  public Path var() {
    return root.resolve("var");
  }

  /** {@code MODULE/target/sanjeh-MODULE-VERSION.jar}. */
  public Path jar(String module) {
    return target(module).resolve("sanjeh-" + module + "-" + version + ".jar");
  }

  /** {@code MODULE/target/sanjeh-MODULE-VERSION-exec.jar}: a Spring Boot module's runnable jar. */
  public Path execJar(String module) {
    return target(module).resolve("sanjeh-" + module + "-" + version + "-exec.jar");
  }

  /** {@code MODULE/target/lib}: the module's dependencies, copied by the build. */
  public Path lib(String module) {
    return target(module).resolve("lib");
  }

  public Path target(String module) {
    return root.resolve(module).resolve("target");
  }

  /** Fails with the fix when {@code file} has not been built. */
  public static Path built(Path file) {
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          file + " is not built: run ./sanjeh setup (it builds the jars)");
    }
    return file;
  }
}
