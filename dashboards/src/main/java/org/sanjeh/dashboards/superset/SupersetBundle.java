package org.sanjeh.dashboards.superset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sanjeh.dashboards.definition.Column;
import org.sanjeh.dashboards.definition.Dashboard;
import org.sanjeh.dashboards.definition.Dataset;
import org.sanjeh.dashboards.definition.Definitions;
import org.sanjeh.dashboards.definition.Metric;

/**
 * The definitions as an Apache Superset (6.x) import bundle: one root folder holding {@code
 * metadata.yaml}, {@code databases/}, {@code datasets/}, {@code charts/} and {@code dashboards/}.
 * UUIDs are name-based on the definition ids, so exporting again and re-importing with overwrite
 * updates the same objects instead of adding copies. Only keys Superset's import schemas know are
 * written: they refuse any other.
 */
public final class SupersetBundle {

  static final String ROOT = "sanjeh_dashboards";
  static final String VERSION = "1.0.0";
  static final String DATABASE_NAME = "Sanjeh ClickHouse";
  static final String DATABASE_FILE = "databases/Sanjeh_ClickHouse.yaml";

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
          .build();

  private final Definitions definitions;
  private final SupersetTarget target;
  private final OffsetDateTime timestamp;

  public SupersetBundle(Definitions definitions, SupersetTarget target, OffsetDateTime timestamp) {
    this.definitions = definitions;
    this.target = target;
    this.timestamp = timestamp;
  }

  /** Every file of the bundle by its path inside the root folder, in writing order. */
  public Map<String, Map<String, Object>> files() {
    Map<String, Map<String, Object>> files = new LinkedHashMap<>();
    files.put("metadata.yaml", metadata());
    files.put(DATABASE_FILE, database());
    for (Dataset dataset :
        definitions.datasets().values().stream()
            .sorted((a, b) -> a.id().compareTo(b.id()))
            .toList()) {
      files.put("datasets/Sanjeh_ClickHouse/" + dataset.id() + ".yaml", dataset(dataset));
    }
    ChartIds chartIds = new ChartIds(definitions);
    Charts charts = new Charts(definitions, target.zone());
    for (Dashboard dashboard : definitions.dashboards()) {
      dashboard
          .charts()
          .forEach(chart -> files.put("charts/" + chart.id() + ".yaml", charts.chart(chart)));
    }
    for (Dashboard dashboard : definitions.dashboards()) {
      files.put(
          "dashboards/" + dashboard.id() + ".yaml", new Layout(chartIds).dashboard(dashboard));
    }
    return files;
  }

  /**
   * Writes the bundle as a ZIP with one root folder, as {@code superset import-dashboards} reads
   * it.
   */
  public void writeZip(OutputStream out) {
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, Map<String, Object>> file : files().entrySet()) {
        zip.putNextEntry(new ZipEntry(ROOT + "/" + file.getKey()));
        zip.write(yaml(file.getValue()).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Superset bundle: " + e.getMessage(), e);
    }
  }

  static String yaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write YAML", e);
    }
  }

  /** A stable UUID for a definition: the same id always gives the same object in Superset. */
  static UUID uuid(String kind, String id) {
    return UUID.nameUUIDFromBytes(("sanjeh:" + kind + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  private Map<String, Object> metadata() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("version", VERSION);
    metadata.put("type", "Dashboard");
    metadata.put("timestamp", timestamp.toString());
    return metadata;
  }

  private Map<String, Object> database() {
    Map<String, Object> database = new LinkedHashMap<>();
    database.put("database_name", DATABASE_NAME);
    database.put("sqlalchemy_uri", target.maskedUri());
    target.password().ifPresent(password -> database.put("password", password));
    database.put("cache_timeout", null);
    database.put("expose_in_sqllab", true);
    database.put("allow_run_async", false);
    database.put("allow_ctas", false);
    database.put("allow_cvas", false);
    database.put("allow_dml", false);
    database.put("allow_csv_upload", false);
    database.put("extra", Map.of("allows_virtual_table_explore", true));
    database.put("uuid", uuid("database", DATABASE_NAME).toString());
    database.put("version", VERSION);
    return database;
  }

  private Map<String, Object> dataset(Dataset dataset) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("table_name", dataset.id());
    file.put("main_dttm_col", dataset.timeColumn().name());
    file.put("description", dataset.title());
    file.put("default_endpoint", null);
    file.put("offset", 0);
    file.put("cache_timeout", null);
    file.put("schema", target.database());
    file.put("sql", dataset.sql(target.zone()) + "\n");
    file.put("params", null);
    file.put("template_params", null);
    file.put("filter_select_enabled", true);
    file.put("fetch_values_predicate", null);
    file.put("extra", null);
    file.put("uuid", uuid("dataset", dataset.id()).toString());
    List<Map<String, Object>> columns = new ArrayList<>();
    for (Column column : dataset.columns()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("column_name", column.name());
      c.put("verbose_name", null);
      c.put("is_dttm", column.temporal());
      c.put("is_active", true);
      c.put("type", column.type());
      c.put("groupby", true);
      c.put("filterable", true);
      c.put("expression", null);
      c.put("description", null);
      c.put("python_date_format", null);
      columns.add(c);
    }
    file.put("columns", columns);
    List<Map<String, Object>> metrics = new ArrayList<>();
    for (Metric metric : dataset.metrics()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("metric_name", metric.name());
      m.put("verbose_name", metric.title());
      m.put("metric_type", null);
      m.put("expression", metric.expression());
      m.put("description", null);
      m.put("d3format", null);
      m.put("extra", null);
      m.put("warning_text", null);
      metrics.add(m);
    }
    file.put("metrics", metrics);
    file.put("version", VERSION);
    file.put("database_uuid", uuid("database", DATABASE_NAME).toString());
    return file;
  }
}
