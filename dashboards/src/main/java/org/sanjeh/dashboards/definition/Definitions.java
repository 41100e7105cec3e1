package org.sanjeh.dashboards.definition;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every dataset and dashboard, checked against each other by {@link DefinitionLoader}. */
public record Definitions(Map<String, Dataset> datasets, List<Dashboard> dashboards) {

  /** The filters every dataset takes, by the column they apply to. */
  public static final List<String> FILTER_COLUMNS = List.of("team", "channel", "priority");

  public Dataset dataset(String id) {
    Dataset dataset = datasets.get(id);
    if (dataset == null) {
      throw new IllegalArgumentException("no dataset '" + id + "'");
    }
    return dataset;
  }

  public Optional<Chart> chart(String id) {
    return dashboards.stream()
        .flatMap(d -> d.charts().stream())
        .filter(c -> c.id().equals(id))
        .findFirst();
  }

  public Optional<Dashboard> dashboard(String id) {
    return dashboards.stream().filter(d -> d.id().equals(id)).findFirst();
  }
}
