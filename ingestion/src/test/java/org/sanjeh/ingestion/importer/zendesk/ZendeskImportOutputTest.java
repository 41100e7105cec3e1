package org.sanjeh.ingestion.importer.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sanjeh.ingestion.importer.ImportCommand;
import org.sanjeh.testbed.ZendeskExportGenerator;
import picocli.CommandLine;

/**
 * The import's whole output, byte for byte, against files captured before the import was made
 * faster (src/test/resources/zendesk-golden): the events in time order, the rejects file with every
 * finding, the summary and the SLA files. Its exports: one written by hand for the cases a faster
 * path could get wrong (quoted fields with commas, quotes and line breaks, CRLF, fractions of a
 * second down to nanoseconds, offsets, ids a change's event id must clean up, duplicates, rows of
 * missing tickets), a generated one, Fivetran's own tables and the two API samples.
 */
class ZendeskImportOutputTest {

  static final Path GOLDEN = Path.of("src", "test", "resources", "zendesk-golden");

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "edge, edge",
    "generated, gen-export",
    "fivetran, zendesk-fivetran",
    "api, in-zendesk-api",
    "api-events, in-zendesk-api-events"
  })
  void theImportWritesTheSameEventsFindingsSummaryAndSlaFilesAsBefore(String golden, String input)
      throws Exception {
    Path export = dir.resolve(input);
    copyInput(golden, export);
    Path out = dir.resolve("out");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int status =
        new CommandLine(
                new ImportCommand(null, new PrintStream(stdout, true, StandardCharsets.UTF_8)))
            .execute(
                export.toString(),
                "--format",
                "zendesk",
                "--out",
                out.resolve("events.jsonl").toString(),
                "--rejects",
                out.toString(),
                "--sla-dir",
                out.resolve("sla").toString(),
                "--bootstrap-servers",
                "127.0.0.1:1");

    assertThat(status).isZero();
    Path expected = GOLDEN.resolve(golden);
    assertThat(out.resolve("events.jsonl"))
        .hasSameTextualContentAs(expected.resolve("events.jsonl"));
    Path rejects = out.resolve(input + ".rejects.jsonl");
    if (Files.exists(expected.resolve("rejects.jsonl"))) {
      assertThat(rejects).hasSameTextualContentAs(expected.resolve("rejects.jsonl"));
    } else {
      assertThat(rejects).doesNotExist();
    }
    assertThat(
            stdout
                .toString(StandardCharsets.UTF_8)
                .replace(out.toString(), "OUT")
                .replace(export.toString(), "IN"))
        .isEqualTo(Files.readString(expected.resolve("stdout.txt")));
    assertThat(files(out.resolve("sla"))).isEqualTo(files(expected.resolve("sla")));
    for (String file : files(expected.resolve("sla"))) {
      assertThat(out.resolve("sla").resolve(file))
          .hasSameTextualContentAs(expected.resolve("sla").resolve(file));
    }
  }

  private static void copyInput(String golden, Path export) throws IOException {
    switch (golden) {
      case "edge" -> copyFolder(GOLDEN.resolve("edge-export"), export);
      case "generated" -> ZendeskExportGenerator.write(export, 24, 5, 7);
      case "fivetran" -> {
        assumeTrue(
            Files.isDirectory(FivetranZendeskImportTest.FIVETRAN),
            "no shared data at " + FivetranZendeskImportTest.FIVETRAN.toAbsolutePath());
        copyFolder(FivetranZendeskImportTest.FIVETRAN, export);
      }
      case "api" -> copyFolder(Path.of("src", "test", "resources", "zendesk-api"), export);
      default -> copyFolder(Path.of("src", "test", "resources", "zendesk-api-events"), export);
    }
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    for (String name : files(from)) {
      Files.copy(from.resolve(name), to.resolve(name));
    }
  }

  private static List<String> files(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
