package org.sanjeh.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.dashboards.superset.SupersetTarget;

class DashboardsCliTest {

  @Test
  void exportWritesTheBundleWhereAsked(@TempDir Path dir) throws IOException {
    Path zip = dir.resolve("out/sanjeh.zip");

    int code = DashboardsCli.run(List.of("export", "--output", zip.toString()), Map.of());

    assertThat(code).isZero();
    assertThat(Files.size(zip)).isPositive();
    try (var files = Files.list(zip.getParent())) {
      assertThat(files).as("no partial file left behind").containsExactly(zip);
    }
  }

  @Test
  void theTargetDefaultsToTheWarehouseEnvironmentAndOptionsWin() {
    Map<String, String> env =
        Map.of(
            "SANJEH_CLICKHOUSE_HOST", "ch.example",
            "SANJEH_CLICKHOUSE_HTTP_PORT", "18123",
            "SANJEH_CLICKHOUSE_PASSWORD", "pw",
            "SANJEH_BUSINESS_TIMEZONE", "Asia/Tehran");

    SupersetTarget fromEnv = DashboardsCli.target(Map.of(), env);
    SupersetTarget overridden =
        DashboardsCli.target(Map.of("host", "superset-ch", "port", "8123"), env);

    assertThat(fromEnv.host()).isEqualTo("ch.example");
    assertThat(fromEnv.port()).isEqualTo(18123);
    assertThat(fromEnv.zone().getId()).isEqualTo("Asia/Tehran");
    assertThat(fromEnv.password()).isEmpty();
    assertThat(overridden.host()).isEqualTo("superset-ch");
    assertThat(overridden.port()).isEqualTo(8123);
    assertThat(DashboardsCli.target(Map.of("with-password", "true"), env).password())
        .contains("pw");
  }

  @Test
  void anUnknownOptionIsRefusedWithTheUsage() {
    assertThatThrownBy(() -> DashboardsCli.run(List.of("export", "--ouput", "x.zip"), Map.of()))
        .hasMessageStartingWith(
            "unknown option --ouput; usage: dashboards export --output FILE.zip");
  }

  @Test
  void aHostThatCouldBreakTheUriIsRefused() {
    assertThatThrownBy(() -> DashboardsCli.target(Map.of("host", "evil@host/x"), Map.of()))
        .hasMessage("host 'evil@host/x' must be a host name or an IPv4 address");
  }
}
