package org.sanjeh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sanjeh.testbed.Checkout;

/**
 * The jars a user deploys hold only the product: no benchmark, generator or local-server launcher,
 * neither as a class nor as a nested jar (Spring Boot's BOOT-INF/lib, the shaded job jar).
 */
class ProductJarsIT {

  /** Dev tooling, by package or by the names it had before it moved out of the product. */
  private static final Pattern DEV_TOOLING =
      Pattern.compile(
          "((.*!/)?org/sanjeh/(testbed/.*|devtools/.*|[^/]+/bench/.*|(.*/)?([A-Za-z]*Bench"
              + "|SyntheticEvents|GenerateCommand|[A-Za-z]*Generator|LocalKafka|ClickHouseServer"
              + "|LocalProcesses)(\\$.*)?\\.class)"
              + "|.*sanjeh-(testbed|devtools)-[^/]*\\.jar)");

  private static final Checkout CHECKOUT = Checkout.current();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "core/target/sanjeh-core-VERSION.jar",
        "warehouse/target/sanjeh-warehouse-VERSION.jar",
        "ingestion/target/sanjeh-ingestion-VERSION.jar",
        "ingestion/target/sanjeh-ingestion-VERSION-exec.jar",
        "streaming/target/sanjeh-streaming-VERSION.jar",
        "streaming/target/sanjeh-streaming-VERSION-job.jar",
        "survey-service/target/sanjeh-survey-service-VERSION.jar",
        "survey-service/target/sanjeh-survey-service-VERSION-exec.jar",
        "dashboards/target/sanjeh-dashboards-VERSION.jar",
        "sentiment/target/sanjeh-sentiment-VERSION.jar",
        "batch/target/sanjeh-batch-VERSION.jar",
        "batch/target/sanjeh-batch-VERSION-job.jar"
      })
  void aProductJarHoldsNoDevTooling(String path) throws IOException {
    Path jar = CHECKOUT.root().resolve(path.replace("VERSION", CHECKOUT.version()));
    assertThat(jar).exists();

    List<String> entries = entries(Files.newInputStream(jar), "");

    assertThat(entries).as("entries of " + jar).isNotEmpty();
    assertThat(entries.stream().filter(e -> DEV_TOOLING.matcher(e).matches()))
        .as("dev tooling in " + jar)
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"testbed/target/sanjeh-testbed-VERSION.jar"})
  void theCheckWouldSeeDevToolingWereItThere(String path) throws IOException {
    Path jar = CHECKOUT.root().resolve(path.replace("VERSION", CHECKOUT.version()));

    assertThat(entries(Files.newInputStream(jar), ""))
        .anyMatch(e -> DEV_TOOLING.matcher(e).matches());
  }

  /** Every entry name, nested jars' entries as OUTER!/INNER. */
  private static List<String> entries(InputStream in, String prefix) throws IOException {
    List<String> names = new ArrayList<>();
    try (JarInputStream jar = new JarInputStream(in)) {
      JarEntry entry;
      while ((entry = jar.getNextJarEntry()) != null) {
        names.add(prefix + entry.getName());
        if (entry.getName().endsWith(".jar")) {
          names.addAll(entries(nonClosing(jar), prefix + entry.getName() + "!/"));
        }
      }
    }
    return names;
  }

  private static InputStream nonClosing(InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }
}
