package org.sanjeh.batch.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.sanjeh.batch.churn.ChurnFeatures;
import org.sanjeh.batch.dissatisfaction.DissatisfactionJob;

/**
 * Every feature a model can name as a driver has a title on the dashboards, in English and in
 * Persian: a new feature without one would show as its column name to a CX manager. The titles live
 * with the viewer ({@code dashboards/.../viewer/values*.properties}, which this module does not
 * depend on), so they are read from the checkout.
 */
class DriverTitlesTest {

  private static final Path VIEWER =
      Path.of("..", "dashboards", "src", "main", "resources", "viewer");

  @Test
  void everyChurnAndDissatisfactionFeatureHasADriverTitleInBothLanguages() throws IOException {
    List<String> features = new ArrayList<>();
    for (FeatureSpec spec : List.of(ChurnFeatures.SPEC, DissatisfactionJob.SPEC)) {
      features.addAll(spec.numeric());
      features.addAll(spec.categorical());
    }
    List<String> missing = new ArrayList<>();
    for (String file : List.of("values.properties", "values_fa.properties")) {
      Properties titles = read(VIEWER.resolve(file));
      for (String feature : features) {
        if (!titles.containsKey("driver." + feature)) {
          missing.add(file + ": driver." + feature);
        }
      }
    }

    assertThat(features).hasSizeGreaterThan(30);
    assertThat(missing).as("driver titles missing for the dashboards").isEmpty();
  }

  private static Properties read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }
}
