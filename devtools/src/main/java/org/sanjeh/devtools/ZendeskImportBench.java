package org.sanjeh.devtools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.sanjeh.ingestion.adapter.CsvReader;
import org.sanjeh.ingestion.importer.BootstrapServersOption;
import org.sanjeh.ingestion.importer.ImportCommand;
import org.sanjeh.ingestion.importer.ImportReport;
import org.sanjeh.ingestion.kafka.Topics;
import org.sanjeh.testbed.LocalKafka;
import org.sanjeh.testbed.ZendeskExportGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * DEV ONLY. {@code bench-zendesk}: generates a Zendesk export in Fivetran's shape with N comments,
 * then measures in one run (1) reading the same files without mapping (CSV rows parsed and counted:
 * the floor of any import) and (2) {@code import DIR --format zendesk} into Kafka, from the first
 * byte read to the last acknowledgement, with the CPU time the import's JVM and the broker used.
 * Starts its own broker on free ports unless {@code --bootstrap-servers} (the import's own option,
 * a shared mixin) is given. Results go to docs/benchmarks.md by hand, with this command.
 */
@Command(
    name = "bench-zendesk",
    mixinStandardHelpOptions = true,
    description = "DEV ONLY: the Zendesk import's speed against reading the same files unmapped.")
public final class ZendeskImportBench implements Callable<Integer> {

  @Option(
      names = "--comments",
      defaultValue = "1000000",
      showDefaultValue = Visibility.ALWAYS,
      description = "comments in the generated export")
  int comments;

  @Option(
      names = "--comments-per-ticket",
      defaultValue = "10",
      showDefaultValue = Visibility.ALWAYS,
      description = "comments per ticket (at least 3)")
  int perTicket;

  @Option(
      names = "--dir",
      defaultValue = "var/bench/zendesk",
      showDefaultValue = Visibility.ALWAYS,
      description = "where the export is generated (reused when it is there)")
  Path dir;

  /** The import's own option; without it on the command line a broker is started on free ports. */
  @Mixin BootstrapServersOption kafka = new BootstrapServersOption();

  @Option(
      names = "--passes",
      defaultValue = "2",
      showDefaultValue = Visibility.ALWAYS,
      description = "import passes (the first warms the JVM); each is reported")
  int passes;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ZendeskImportBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path export = dir.resolve(comments + "-comments");
    if (!Files.exists(export.resolve("ticket.csv"))) {
      long t = System.nanoTime();
      ZendeskExportGenerator.Written w =
          ZendeskExportGenerator.write(export, comments / perTicket, perTicket, 16);
      System.out.printf(
          "generated %,d tickets, %,d comments, %,d field changes in %s (%.1f s)%n",
          w.tickets(), w.comments(), w.changes(), export, (System.nanoTime() - t) / 1e9);
    }
    LocalKafka own = null;
    String bootstrap = kafka.bootstrapServers();
    if (!kafka.given()) {
      own = LocalKafka.start(Files.createTempDirectory("sanjeh-bench-kafka-"), 0, 0);
      bootstrap = own.bootstrapServers();
      Topics.ensure(bootstrap, 4);
    }
    try {
      for (int pass = 1; pass <= passes; pass++) {
        long t = System.nanoTime();
        long rows = readUnmapped(export);
        double baseline = (System.nanoTime() - t) / 1e9;
        Duration ownCpu = processCpu();
        Duration brokerCpu = own == null ? Duration.ZERO : cpuOf(own.pid());
        System.out.printf(
            "pass %d: baseline, the files read without mapping: %,d rows in %.2f s = %,.0f rows/s%n",
            pass, rows, baseline, rows / baseline);
        ImportCommand command =
            new ImportCommand(null, new PrintStream(OutputStream.nullOutputStream()));
        Path scratch = Files.createTempDirectory("sanjeh-bench-import-");
        t = System.nanoTime();
        int status =
            new CommandLine(command)
                .execute(
                    export.toString(),
                    "--format",
                    "zendesk",
                    "--quiet",
                    "--source",
                    "bench-zendesk",
                    "--rejects",
                    scratch.toString(),
                    "--sla-dir",
                    scratch.resolve("sla").toString(),
                    BootstrapServersOption.NAME,
                    bootstrap);
        double seconds = (System.nanoTime() - t) / 1e9;
        ownCpu = processCpu().minus(ownCpu);
        brokerCpu = own == null ? null : cpuOf(own.pid()).minus(brokerCpu);
        ImportReport report = command.lastReport();
        if (status != 0 || report == null) {
          System.out.println("the import failed with status " + status);
          return 1;
        }
        System.out.printf(
            "pass %d: import --format zendesk into Kafka: %,d rows -> %,d events in %.2f s = %,.0f events/s (%.2f of the baseline's rows/s)%n",
            pass,
            rows,
            report.accepted(),
            seconds,
            report.accepted() / seconds,
            (rows / seconds) / (rows / baseline));
        System.out.printf(
            "pass %d: CPU during the import: %.1f s in this JVM (import, producer, GC), %s in the broker; %.1f s wall%n",
            pass,
            ownCpu.toMillis() / 1e3,
            brokerCpu == null ? "unknown" : "%.1f s".formatted(brokerCpu.toMillis() / 1e3),
            seconds);
      }
    } finally {
      if (own != null) {
        own.stop();
      }
    }
    return 0;
  }

  /** CPU time this JVM has used, all its threads. */
  private static Duration processCpu() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? Duration.ofNanos(sun.getProcessCpuTime())
        : Duration.ZERO;
  }

  private static Duration cpuOf(long pid) {
    return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
  }

  /** Every row of every CSV file parsed into its fields and counted, nothing else. */
  static long readUnmapped(Path export) throws IOException {
    long rows = 0;
    List<Path> files;
    try (Stream<Path> list = Files.list(export)) {
      files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    for (Path file : files) {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        CsvReader csv = new CsvReader(reader);
        csv.next();
        for (CsvReader.Record r = csv.next(); r != null; r = csv.next()) {
          rows += r.fields().isEmpty() ? 0 : 1;
        }
      }
    }
    return rows;
  }
}
