package org.sanjeh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.ingestion.importer.ImportCommand;
import org.sanjeh.streaming.StreamingCommand;
import org.sanjeh.testbed.Checkout;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** The root command tree: parsing, help and exit codes, without starting anything. */
class SanjehCommandLineTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private CommandLine sanjeh() {
    CommandLine root = Sanjeh.commandLine(new Local(new Checkout(dir, "0-test"), Map.of()));
    root.setOut(new PrintWriter(out, true));
    root.setErr(new PrintWriter(err, true));
    return root;
  }

  private static List<CommandLine> everyCommand(CommandLine commandLine) {
    List<CommandLine> all = new ArrayList<>(List.of(commandLine));
    commandLine.getSubcommands().values().forEach(sub -> all.addAll(everyCommand(sub)));
    return all;
  }

  @Test
  void everyCommandHasADescription() {
    for (CommandLine command : everyCommand(sanjeh())) {
      assertThat(String.join(" ", command.getCommandSpec().usageMessage().description()))
          .as(command.getCommandSpec().qualifiedName())
          .isNotBlank();
    }
  }

  @Test
  void everyOptionAndParameterHasADescription() {
    for (CommandLine command : everyCommand(sanjeh())) {
      CommandSpec spec = command.getCommandSpec();
      List<ArgSpec> args = new ArrayList<>(spec.options());
      args.addAll(spec.positionalParameters());
      for (ArgSpec arg : args) {
        assertThat(String.join(" ", arg.description()))
            .as(spec.qualifiedName() + " " + arg.paramLabel())
            .isNotBlank();
      }
    }
  }

  @Test
  void theTopLevelCommandsAreThoseOfTheLauncherBefore() {
    assertThat(sanjeh().getSubcommands().keySet())
        .contains(
            "demo",
            "test",
            "setup",
            "stop",
            "clickhouse",
            "kafka",
            "warehouse",
            "intake",
            "loader",
            "survey",
            "streaming",
            "import",
            "replay",
            "generate",
            "bench",
            "calendar",
            "check",
            "dashboards",
            "help",
            "completion");
    assertThat(sanjeh().getSubcommands().get("bench").getSubcommands().keySet())
        .containsExactly("warehouse", "calendar", "intake", "survey", "streaming");
  }

  @Test
  void everyLocalServerAndServiceHasTheSameStartStopAndStatus() {
    CommandLine sanjeh = sanjeh();
    for (String name :
        List.of("clickhouse", "kafka", "intake", "loader", "survey", "streaming", "viewer")) {
      assertThat(sanjeh.getSubcommands().get(name).getSubcommands().keySet())
          .as(name)
          .contains("start", "stop", "status");
    }
    assertThat(sanjeh.getSubcommands().get("clickhouse").getSubcommands()).containsKey("client");
  }

  @Test
  void theStatusOfAServiceThatDoesNotRunIsExitCodeThree() {
    int code = sanjeh().execute("viewer", "status");

    assertThat(code).isEqualTo(3);
  }

  @Test
  void anUnknownOptionIsAUsageErrorThatNamesIt() {
    int code = sanjeh().execute("warehouse", "migrate", "--bogus");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("Unknown option: '--bogus'")
        .contains("Usage: sanjeh warehouse migrate");
  }

  @Test
  void anUnknownCommandIsAUsageErrorThatSuggestsOne() {
    int code = sanjeh().execute("stremaing");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("'stremaing'").contains("sanjeh streaming");
  }

  @Test
  void aGroupWithoutItsSubcommandIsAUsageErrorWithTheGroupsHelp() {
    int code = sanjeh().execute("bench");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("Missing required subcommand")
        .contains("Usage: sanjeh bench")
        .contains("streaming");
  }

  @Test
  void aMalformedValueIsAUsageErrorThatNamesTheOption() {
    int code = sanjeh().execute("streaming", "run", "--checkpoint-interval", "soon");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--checkpoint-interval")
        .contains("'soon' is not a duration");
  }

  @Test
  void helpComesFromTheModulesDeclarationsInEveryForm() {
    CommandLine root = sanjeh();
    assertThat(root.execute("help", "streaming")).isZero();
    String viaHelp = out.toString();
    out.getBuffer().setLength(0);
    assertThat(root.execute("streaming", "--help")).isZero();

    assertThat(out.toString()).isEqualTo(viaHelp);
    assertThat(viaHelp).contains("run", "replay", "start", "stop", "status", "Exit codes:");
    out.getBuffer().setLength(0);
    assertThat(sanjeh().execute("streaming", "run", "--help")).isZero();
    assertThat(out.toString())
        .contains("--checkpoint-dir=DIR", "var/flink/checkpoints", "--state-backend=B");
  }

  @Test
  void importHelpListsAllFiveFormats() {
    assertThat(sanjeh().execute("import", "--help")).isZero();

    assertThat(out.toString()).contains("twcc", "ndjson", "email", "calls", "helpdesk");
  }

  @Test
  void theRootHelpListsTheExitCodes() {
    assertThat(sanjeh().execute("help")).isZero();

    assertThat(out.toString())
        .contains("Exit codes:", " 0   done", " 1   failed", " 2   usage error", " 3   (status)");
  }

  @Test
  void theVersionIsTheBuildsFromPomXml() {
    assertThat(sanjeh().execute("--version")).isZero();

    assertThat(out.toString().trim()).isEqualTo("sanjeh " + System.getProperty("project.version"));
  }

  @Test
  void theCompletionScriptCompletesTheCommands() {
    assertThat(sanjeh().execute("completion")).isZero();

    assertThat(out.toString()).contains("complete -F").contains("demo").contains("bench");
  }

  @Test
  void aModuleCommandRunsInItsModuleJvmWithTheArgumentsAsGiven() throws IOException {
    Path seen = dir.resolve("arguments");
    ModuleJvm recorder =
        new ModuleJvm(
            "recorder",
            checkout -> List.of("sh", "-c", "printf '%s\\n' \"$@\" > " + seen, "sh", "MAIN"));
    CommandLine root = new CommandLine(new Sanjeh());
    Modules modules = new Modules(root, new Local(new Checkout(dir, "0-test"), Map.of()));
    modules.mount(recorder, new ImportCommand(), List.of("import"));
    modules.module(recorder, new StreamingCommand());
    root.setExecutionStrategy(modules);

    assertThat(root.execute("import", "data dir", "--format", "twcc")).isZero();
    assertThat(Files.readAllLines(seen))
        .containsExactly("MAIN", "import", "data dir", "--format", "twcc");

    assertThat(root.execute("streaming", "run", "--topic", "t")).isZero();
    assertThat(Files.readAllLines(seen)).containsExactly("MAIN", "run", "--topic", "t");
  }

  @Test
  void aModuleCommandIsParsedHereFirstSoABadOneNeverStartsAJvm() {
    Path seen = dir.resolve("arguments");
    ModuleJvm recorder =
        new ModuleJvm("recorder", checkout -> List.of("sh", "-c", "touch " + seen));
    CommandLine root = new CommandLine(new Sanjeh());
    Modules modules = new Modules(root, new Local(new Checkout(dir, "0-test"), Map.of()));
    modules.mount(recorder, new ImportCommand(), List.of("import"));
    root.setExecutionStrategy(modules);
    root.setErr(new PrintWriter(err, true));

    assertThat(root.execute("import", "x", "--format", "twcc", "--frmat", "y")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option").contains("'--frmat'");
    assertThat(seen).doesNotExist();
  }

  @Test
  void anImportIntoAFileDoesNotStartWhatAnImportIntoKafkaNeeds() {
    ModuleJvm recorder = new ModuleJvm("recorder", checkout -> List.of("true"));
    CommandLine root = new CommandLine(new Sanjeh());
    Modules modules = new Modules(root, new Local(new Checkout(dir, "0-test"), Map.of()));
    modules.mount(recorder, new ImportCommand(), List.of("import"));
    List<String> started = new java.util.ArrayList<>();
    modules.before("import", () -> started.add("kafka"), List.of("--out", "--dry-run"));
    root.setExecutionStrategy(modules);

    assertThat(root.execute("import", "x", "--format", "zendesk", "--out", "events.ndjson"))
        .isZero();
    assertThat(started).isEmpty();

    assertThat(root.execute("import", "x", "--format", "zendesk")).isZero();
    assertThat(started).containsExactly("kafka");
  }
}
