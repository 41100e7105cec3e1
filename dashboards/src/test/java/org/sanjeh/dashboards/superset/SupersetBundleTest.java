package org.sanjeh.dashboards.superset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.sanjeh.dashboards.definition.DefinitionLoader;

/** The exported bundle, read back from its ZIP bytes, against Superset's import rules. */
class SupersetBundleTest {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final SupersetTarget TARGET =
      new SupersetTarget(
          "clickhouse.internal",
          8123,
          "sanjeh",
          "superset",
          ZoneId.of("Asia/Tehran"),
          Optional.empty());
  private static final OffsetDateTime WHEN =
      OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);

  record Bundle(List<String> entries, Map<String, Map<String, Object>> files) {
    Map<String, Object> file(String path) {
      return files.get(SupersetBundle.ROOT + "/" + path);
    }
  }

  @Test
  void theBundlePassesEverySupersetImportRule() throws IOException {
    Bundle bundle = export(TARGET);

    assertThat(SupersetImportRules.check(bundle.entries(), bundle.files())).isEmpty();
    assertThat(bundle.entries())
        .contains(
            "sanjeh_dashboards/metadata.yaml",
            "sanjeh_dashboards/databases/Sanjeh_ClickHouse.yaml",
            "sanjeh_dashboards/datasets/Sanjeh_ClickHouse/tickets.yaml",
            "sanjeh_dashboards/charts/open_backlog.yaml",
            "sanjeh_dashboards/dashboards/live_service.yaml",
            "sanjeh_dashboards/dashboards/experience.yaml");
  }

  @Test
  void metadataNamesTheFormatVersionTypeAndTime() throws IOException {
    Map<String, Object> metadata = export(TARGET).file("metadata.yaml");

    assertThat(metadata).containsEntry("version", "1.0.0").containsEntry("type", "Dashboard");
    assertThat(OffsetDateTime.parse((String) metadata.get("timestamp"))).isEqualTo(WHEN);
  }

  @Test
  void theDatabaseUsesClickhouseConnectWithAMaskedPassword() throws IOException {
    Map<String, Object> database = export(TARGET).file(SupersetBundle.DATABASE_FILE);

    assertThat(database.get("sqlalchemy_uri"))
        .isEqualTo("clickhousedb://superset:XXXXXXXXXX@clickhouse.internal:8123/sanjeh");
    assertThat(database).doesNotContainKey("password");
  }

  @Test
  void aPasswordIsWrittenOnlyWhenAskedFor() throws IOException {
    SupersetTarget withPassword =
        new SupersetTarget("h", 8123, "sanjeh", "u", ZoneId.of("UTC"), Optional.of("s3cret"));

    assertThat(export(withPassword).file(SupersetBundle.DATABASE_FILE))
        .containsEntry("password", "s3cret");
  }

  @Test
  void datasetsCarryTheBusinessTimeZoneAndEveryMetric() throws IOException {
    Map<String, Object> tickets = export(TARGET).file("datasets/Sanjeh_ClickHouse/tickets.yaml");

    assertThat((String) tickets.get("sql"))
        .contains("toDate(fr_started_at, 'Asia/Tehran')")
        .doesNotContain("{");
    assertThat(tickets.get("main_dttm_col")).isEqualTo("local_date");
    assertThat(
            ((List<?>) tickets.get("metrics"))
                .stream().map(m -> String.valueOf(((Map<?, ?>) m).get("metric_name"))))
        .contains("open_tickets", "frt_p50_min");
  }

  @Test
  void uuidsAreTheSameOnEveryExport() throws IOException {
    Bundle first = export(TARGET);
    Bundle second =
        export(
            new SupersetTarget("other", 9000, "sanjeh", "x", ZoneId.of("UTC"), Optional.empty()));

    for (String path :
        List.of(
            "charts/open_backlog.yaml",
            "dashboards/experience.yaml",
            "datasets/Sanjeh_ClickHouse/volume.yaml")) {
      assertThat(first.file(path).get("uuid")).isEqualTo(second.file(path).get("uuid"));
    }
    assertThat(first.file("charts/open_backlog.yaml").get("uuid"))
        .isNotEqualTo(first.file("charts/team_and_agent.yaml").get("uuid"));
  }

  @Test
  void chartsNotOnTheDateFilterAreOutOfTheTimeFiltersScope() throws IOException {
    Map<String, Object> live = export(TARGET).file("dashboards/live_service.yaml");
    Map<?, ?> position = (Map<?, ?>) live.get("position");
    int openBacklog =
        (Integer)
            ((Map<?, ?>) ((Map<?, ?>) position.get("CHART-open_backlog")).get("meta"))
                .get("chartId");
    List<?> filters =
        (List<?>) ((Map<?, ?>) live.get("metadata")).get("native_filter_configuration");
    Map<?, ?> timeFilter = (Map<?, ?>) filters.get(0);

    assertThat(timeFilter.get("filterType")).isEqualTo("filter_time");
    assertThat(
            ((List<?>) ((Map<?, ?>) timeFilter.get("scope")).get("excluded"))
                .stream().map(Object.class::cast))
        .contains((Object) openBacklog);
  }

  // --- the rules themselves catch what Superset would refuse
  // --------------------------------------

  @Test
  void theRulesRefuseAnUnknownKey() throws IOException {
    Bundle bundle = export(TARGET);
    bundle.file("charts/open_backlog.yaml").put("colour", "red");

    assertThat(SupersetImportRules.check(bundle.entries(), bundle.files()))
        .containsExactly(
            "sanjeh_dashboards/charts/open_backlog.yaml: unknown key colour (Superset refuses it)");
  }

  @Test
  void theRulesRefuseAChartPositionWithoutAnIntegerChartId() throws IOException {
    Bundle bundle = export(TARGET);
    Map<?, ?> position = (Map<?, ?>) bundle.file("dashboards/live_service.yaml").get("position");
    Map<?, ?> meta = (Map<?, ?>) ((Map<?, ?>) position.get("CHART-open_backlog")).get("meta");
    meta.remove("chartId");

    assertThat(SupersetImportRules.check(bundle.entries(), bundle.files()))
        .contains(
            "sanjeh_dashboards/dashboards/live_service.yaml: CHART-open_backlog needs an integer meta.chartId, has null");
  }

  @Test
  void theRulesRefuseAMetricTheDatasetLacks() throws IOException {
    Bundle bundle = export(TARGET);
    @SuppressWarnings("unchecked")
    Map<String, Object> params =
        (Map<String, Object>) bundle.file("charts/open_backlog.yaml").get("params");
    params.put("metric", "count_everything");

    assertThat(SupersetImportRules.check(bundle.entries(), bundle.files()))
        .containsExactly(
            "sanjeh_dashboards/charts/open_backlog.yaml: metric count_everything is not defined on dataset tickets");
  }

  @Test
  void theRulesRefuseALineWithoutItsTimeGrain() throws IOException {
    Bundle bundle = export(TARGET);
    ((Map<?, ?>) bundle.file("charts/volume_by_channel.yaml").get("params"))
        .remove("time_grain_sqla");

    assertThat(SupersetImportRules.check(bundle.entries(), bundle.files()))
        .containsExactly(
            "sanjeh_dashboards/charts/volume_by_channel.yaml: params.time_grain_sqla is required for this viz type");
  }

  @Test
  void theRulesRefuseADanglingDatasetReference() throws IOException {
    Bundle bundle = export(TARGET);
    bundle
        .file("charts/team_and_agent.yaml")
        .put("dataset_uuid", "00000000-0000-0000-0000-000000000000");

    assertThat(SupersetImportRules.check(bundle.entries(), bundle.files()))
        .contains(
            "sanjeh_dashboards/charts/team_and_agent.yaml: dataset_uuid 00000000-0000-0000-0000-000000000000 is not in the bundle");
  }

  @Test
  void theRulesRefuseAFileOutsideTheRootFolder() throws IOException {
    Bundle bundle = export(TARGET);
    List<String> entries = new ArrayList<>(bundle.entries());
    entries.add("metadata.yaml");

    assertThat(SupersetImportRules.check(entries, bundle.files()))
        .contains("metadata.yaml: outside a root folder (Superset: Missing metadata.yaml)");
  }

  static Bundle export(SupersetTarget target) throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    new SupersetBundle(DefinitionLoader.bundled(), target, WHEN).writeZip(zip);
    return read(zip.toByteArray());
  }

  static Bundle read(byte[] zip) throws IOException {
    List<String> entries = new ArrayList<>();
    Map<String, Map<String, Object>> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.add(entry.getName());
        files.put(
            entry.getName(),
            YAML.readValue(
                in.readAllBytes(), new TypeReference<LinkedHashMap<String, Object>>() {}));
      }
    }
    return new Bundle(entries, files);
  }
}
