package org.sanjeh.dashboards.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanjeh.dashboards.definition.Chart;
import org.sanjeh.dashboards.definition.Dashboard;
import org.sanjeh.dashboards.definition.Dataset;
import org.sanjeh.dashboards.definition.DefinitionLoader;
import org.sanjeh.dashboards.definition.Definitions;
import org.springframework.context.support.ResourceBundleMessageSource;

class LabelsTest {

  private final Labels labels = new Labels(messages());

  @Test
  void everyDashboardChartMetricAndShownColumnHasAPersianLabel() {
    Definitions definitions = DefinitionLoader.bundled();
    List<String> missing = new ArrayList<>();
    for (Dashboard dashboard : definitions.dashboards()) {
      check("dashboard." + dashboard.id(), missing);
      for (Chart chart : dashboard.charts()) {
        check("chart." + chart.id(), missing);
        Dataset dataset = definitions.dataset(chart.dataset());
        chart.metrics().forEach(m -> check("metric." + m, missing));
        // what a tile or its drill-down list shows
        List<String> shown = new ArrayList<>(chart.columns());
        shown.addAll(chart.dimensions());
        shown.addAll(Definitions.FILTER_COLUMNS);
        shown.add(dataset.timeColumn().name());
        dataset.drillKey().ifPresent(shown::add);
        shown.forEach(c -> check("column." + c, missing));
      }
    }
    check("column.time_bucket", missing);

    assertThat(missing).as("keys missing from viewer/labels_fa.properties").isEmpty();
  }

  @Test
  void englishTakesTheDefinitionsTitlesAndPersianItsOwn() {
    Dashboard live = DefinitionLoader.bundled().dashboard("live_service").orElseThrow();

    assertThat(labels.dashboard(live, Language.EN)).isEqualTo("Live service");
    assertThat(labels.dashboard(live, Language.FA)).isEqualTo("خدمت زنده");
    assertThat(labels.column("agent_id", Language.EN)).isEqualTo("Agent");
    assertThat(labels.column("agent_id", Language.FA)).isEqualTo("کارشناس");
  }

  private void check(String key, List<String> missing) {
    if (!labels.hasPersian(key)) {
      missing.add(key);
    }
  }

  static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("viewer/messages", "viewer/labels");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }
}
