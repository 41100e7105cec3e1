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
import picocli.CommandLine;

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

    SupersetTarget fromEnv = export().target(env);
    SupersetTarget overridden = export("--host", "superset-ch", "--port", "8123").target(env);

    assertThat(fromEnv.host()).isEqualTo("ch.example");
    assertThat(fromEnv.port()).isEqualTo(18123);
    assertThat(fromEnv.zone().getId()).isEqualTo("Asia/Tehran");
    assertThat(fromEnv.password()).isEmpty();
    assertThat(overridden.host()).isEqualTo("superset-ch");
    assertThat(overridden.port()).isEqualTo(8123);
    assertThat(export("--with-password", "true").target(env).password()).contains("pw");
  }

  @Test
  void anUnknownOptionIsAUsageErrorThatNamesItAndSuggestsTheRightOne() {
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine commandLine = new CommandLine(new DashboardsCli());
    commandLine.setErr(new java.io.PrintWriter(err));

    int code = commandLine.execute("export", "--ouput", "x.zip");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("Unknown option")
        .contains("'--ouput'")
        .contains("Possible solutions: --output");
  }

  private static DashboardsCli.Export export(String... args) {
    return CommandLine.populateCommand(new DashboardsCli.Export(), args);
  }

  @Test
  void aHostThatCouldBreakTheUriIsRefused() {
    assertThatThrownBy(() -> export("--host", "evil@host/x").target(Map.of()))
        .hasMessage("host 'evil@host/x' must be a host name or an IPv4 address");
  }
}
