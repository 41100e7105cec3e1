package org.sanjeh.ingestion.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.ingestion.adapter.CallLogAdapter;
import org.sanjeh.ingestion.adapter.EmailAdapter;
import org.sanjeh.ingestion.adapter.HelpdeskMapping;
import org.sanjeh.ingestion.adapter.ImportItem;
import org.sanjeh.ingestion.adapter.NdjsonAdapter;
import org.sanjeh.ingestion.adapter.TwccAdapter;
import org.sanjeh.ingestion.conversation.Conversations;
import org.sanjeh.ingestion.conversation.InboundMessage;
import org.sanjeh.ingestion.conversation.TicketRouter;
import org.sanjeh.ingestion.conversation.WarehouseHistory;
import org.sanjeh.ingestion.identity.IdentityResolver;
import org.sanjeh.ingestion.importer.zendesk.ZendeskImport;
import org.sanjeh.ingestion.kafka.EventPublisher;
import org.sanjeh.ingestion.kafka.Topics;
import org.sanjeh.kafka.KafkaProducers;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.WarehouseException;
import org.sanjeh.warehouse.write.DeadLetter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./sanjeh import FILE|DIR --format F}: reads files through their adapter, sends the events
 * to Kafka (oldest first) and the rejects to the dead-letter topic, writes every finding (rejected,
 * skipped, imported with a note) to a rejects file with its values, shows a progress bar per file
 * and ends with a summary. With {@code --out FILE} the events go to a time-ordered NDJSON file and
 * Kafka is not needed; {@code --dry-run} shows what a mapping makes of the first rows and sends
 * nothing. Exits non-zero when nothing was accepted or Kafka did not acknowledge everything;
 * running it again is safe, event ids make the second run a no-op downstream.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Imports history: files of a format into ticket events on Kafka (or into a file with --out).",
      "Formats: twcc, ndjson, email, calls, helpdesk (with --mapping), zendesk (a folder: Fivetran"
          + " tables as CSV/JSONL, or the API's JSON export). See docs/import.md."
    })
public final class ImportCommand implements Callable<Integer> {

  static final List<String> FORMATS =
      List.of("twcc", "ndjson", "helpdesk", "calls", "email", "zendesk");

  /** Sends not yet acknowledged, at most; a send waits for room when there are this many. */
  private static final int IN_FLIGHT = 50_000;

  /**
   * An import is not waited on by anyone: records wait up to 50 ms to fill Kafka batches of 256 KiB
   * (measured, docs/benchmarks.md: at 5 ms a million-event import opened a batch every few dozen
   * records, each with its own compression buffers).
   */
  private static final int LINGER_MS = 50;

  /** How long one send may take, retries included (Kafka wants more than linger + 30 s). */
  private static final Duration DELIVERY = Duration.ofSeconds(60);

  /** Events encoded per hand-over between the encoding thread and the sending one. */
  private static final int ENCODED_CHUNK = 4_096;

  @Parameters(index = "0", paramLabel = "FILE|DIR", description = "a file, or a folder of them")
  Path input;

  @Option(
      names = "--format",
      required = true,
      description = "one of twcc, ndjson, helpdesk, calls, email, zendesk")
  String format;

  @Option(
      names = "--mapping",
      description = "for --format helpdesk: the mapping file (docs/import.md)")
  Path mapping;

  @Option(
      names = "--source",
      description =
          "the source named in the dead letters and Kafka headers (default: import:FORMAT)")
  String source;

  @Option(
      names = "--rejects",
      description =
          "folder for the rejects files (default: next to the input if its folder is writable, else var/rejects)")
  Path rejectsDir;

  @Option(
      names = "--team",
      split = ",",
      description =
          "for --format email: the team's addresses or @domains (their mails are replies)")
  List<String> team = new ArrayList<>();

  @Option(
      names = "--region",
      defaultValue = "IR",
      showDefaultValue = Visibility.ALWAYS,
      description = "the default region of phone numbers without a country code")
  String region;

  @Option(
      names = "--out",
      description = "write the accepted events to this NDJSON file in time order instead of Kafka")
  Path out;

  @Option(
      names = "--sla-dir",
      defaultValue = "var/zendesk-sla",
      showDefaultValue = Visibility.ALWAYS,
      description = "for --format zendesk: where the calendars and SLA policy files are written")
  Path slaDir;

  @Option(
      names = "--dry-run",
      arity = "0..1",
      fallbackValue = "5",
      paramLabel = "N",
      description =
          "check the mapping on the first N rows of each file (5 if N is left out) and show what each column became; sends and writes nothing")
  Integer dryRun;

  @Option(
      names = "--quiet",
      defaultValue = "false",
      description = "no progress bars (they are drawn only on a terminal anyway)")
  boolean quiet;

  @Mixin BootstrapServersOption kafka = new BootstrapServersOption();

  private final WarehouseConfig directory;
  private ImportReport lastReport;
  private final Clock clock = Clock.systemUTC();
  private final PrintStream stdout;
  private Conversations conversations;
  private HelpdeskMapping helpdeskMapping;

  public ImportCommand() {
    this(null, System.out);
  }

  /**
   * @param directory where the customer directory is (for email and calls); null reads the
   *     SANJEH_CLICKHOUSE_* environment
   * @param stdout where the summary goes
   */
  public ImportCommand(WarehouseConfig directory, PrintStream stdout) {
    this.directory = directory;
    this.stdout = stdout;
  }

  /** The summary of the last run (for the benchmark), null before one. */
  public ImportReport lastReport() {
    return lastReport;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ImportCommand()).execute(args));
  }

  @Override
  public Integer call() {
    try {
      return run();
    } catch (IOException
        | IllegalArgumentException
        | IllegalStateException
        | WarehouseException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /** A finding and the input file it belongs to (whose rejects file gets it). */
  private record Found(Path file, int line, Finding finding) {}

  private int run() throws IOException {
    if (!FORMATS.contains(format)) {
      throw new IllegalArgumentException(
          "unknown --format '" + format + "': use one of " + FORMATS);
    }
    if (format.equals("helpdesk") && mapping == null) {
      throw new IllegalArgumentException(
          "--format helpdesk needs --mapping FILE.json (see docs/import.md)");
    }
    if (source == null) {
      source = "import:" + format;
    }
    if (dryRun != null) {
      return dryRun();
    }
    List<TicketEvent> events = new ArrayList<>();
    List<Found> found = new ArrayList<>();
    ImportReport report = new ImportReport();
    ZendeskImport.Result zendesk = null;
    if (format.equals("zendesk")) {
      zendesk = ZendeskImport.read(input, ProgressBar.wanted(quiet));
      events.addAll(zendesk.events());
      for (Finding finding : zendesk.findings()) {
        found.add(new Found(input, 0, finding));
      }
    } else {
      List<Path> files = files();
      if (files.isEmpty()) {
        throw new IllegalArgumentException("no input files in " + input);
      }
      for (Path file : files) {
        if (format.equals("helpdesk") && Files.isDirectory(input) && !helpdesk().maps(file)) {
          if (!helpdesk().isLookupTable(file)) {
            found.add(
                new Found(
                    file,
                    0,
                    Finding.skipped(
                        "file the mapping has no entry for",
                        file.getFileName().toString(),
                        "no entry of the mapping's \"files\" matches it",
                        "")));
          }
          continue;
        }
        for (ImportItem item : items(file)) {
          if (item instanceof ImportItem.Event event) {
            events.add(event.event());
          } else if (item instanceof ImportItem.Rejected rejected) {
            found.add(new Found(file, rejected.line(), Finding.of(rejected)));
          } else if (item instanceof ImportItem.Skipped skipped) {
            found.add(new Found(file, skipped.line(), Finding.of(skipped)));
          }
        }
      }
    }
    found.forEach(f -> report.add(f.finding()));
    // History goes out oldest first, across all files, so that streaming consumers see event time
    // advance as it did: their watermarks and per-minute aggregates depend on it. The sort is
    // stable: a ticket's events at the same instant keep the order their adapter gave them.
    TimeOrder.sort(events);
    writeRejects(found);
    if (zendesk != null) {
      printZendesk(zendesk, events);
    }
    if (out != null) {
      export(events, zendesk, report);
    } else {
      publish(events, found, report);
    }
    report.print(stdout);
    lastReport = report;
    if (out != null) {
      stdout.printf("wrote %,d events in time order to %s%n", events.size(), out);
    }
    return report.failedSends() == 0 && report.accepted() > 0 ? 0 : 1;
  }

  private void printZendesk(ZendeskImport.Result zendesk, List<TicketEvent> events)
      throws IOException {
    stdout.printf(
        "%s: %s in %s%n",
        input,
        zendesk.shape(),
        zendesk.rowsRead().entrySet().stream()
            .map(e -> "%s (%,d rows)".formatted(e.getKey(), e.getValue()))
            .collect(Collectors.joining(", ")));
    Map<EventType, Long> counts = new EnumMap<>(EventType.class);
    Set<String> tickets = new HashSet<>();
    for (TicketEvent event : events) {
      counts.merge(event.type(), 1L, Long::sum);
      tickets.add(event.ticketId());
    }
    Map<String, Long> byType = new java.util.TreeMap<>();
    counts.forEach((type, count) -> byType.put(type.wire(), count));
    stdout.printf("%,d tickets, %,d events: %s%n", tickets.size(), events.size(), byType);
    List<Path> sla = zendesk.writeSla(slaDir);
    if (!sla.isEmpty()) {
      stdout.printf(
          "calendars and SLA policies in %s: %s%n",
          slaDir,
          sla.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")));
      stdout.printf(
          "%,d tickets have an SLA policy (ticket-policies.csv says which)%n",
          zendesk.policyOfTicket().size());
    }
  }

  private int dryRun() throws IOException {
    if (!format.equals("helpdesk")) {
      throw new IllegalArgumentException(
          "--dry-run checks a mapping: use it with --format helpdesk --mapping FILE");
    }
    List<Path> files = files();
    boolean allGood = true;
    for (Path file : files) {
      if (Files.isDirectory(input) && !helpdesk().maps(file)) {
        continue;
      }
      allGood &= helpdesk().dryRun(file, dryRun, stdout);
    }
    return allGood ? 0 : 1;
  }

  /** The events as an NDJSON file sorted by time (for ./sanjeh replay); no Kafka. */
  private void export(List<TicketEvent> events, ZendeskImport.Result zendesk, ImportReport report)
      throws IOException {
    TicketEventCodec codec = new TicketEventCodec();
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    Map<String, BufferedWriter> perPolicy = new LinkedHashMap<>();
    boolean split = zendesk != null && zendesk.policyFiles().size() > 1;
    Map<String, String> policyOfTicket = zendesk == null ? Map.of() : zendesk.policyOfTicket();
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (TicketEvent event : events) {
        String line = codec.encode(event);
        writer.write(line);
        writer.newLine();
        if (split) {
          String policy = policyOfTicket.getOrDefault(event.ticketId(), "no-sla");
          BufferedWriter byPolicy = perPolicy.get(policy);
          if (byPolicy == null) {
            byPolicy =
                Files.newBufferedWriter(
                    slaDir.resolve("events." + policy + ".jsonl"), StandardCharsets.UTF_8);
            perPolicy.put(policy, byPolicy);
          }
          byPolicy.write(line);
          byPolicy.newLine();
        }
      }
    } finally {
      for (BufferedWriter byPolicy : perPolicy.values()) {
        byPolicy.close();
      }
    }
    report.accepted(events.size());
    if (!perPolicy.isEmpty()) {
      stdout.printf(
          "Sanjeh's SLA job applies one policy file: the events of each policy's tickets are also in %s/events.POLICY.jsonl (replay each with --policy %s/POLICY.json)%n",
          slaDir, slaDir);
    }
  }

  private void publish(List<TicketEvent> events, List<Found> found, ImportReport report)
      throws IOException {
    Topics.ensure(kafka.bootstrapServers(), 4);
    List<Found> rejected =
        found.stream().filter(f -> f.finding().outcome() == Finding.Outcome.REJECTED).toList();
    long total = events.size() + rejected.size();
    ProgressBar bar = ProgressBar.start("sending to Kafka", total, ProgressBar.wanted(quiet));
    SendWindow window = new SendWindow(IN_FLIGHT);
    ExecutorService encoder =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "import-encoder");
              thread.setDaemon(true);
              return thread;
            });
    try (EventPublisher publisher =
        new EventPublisher(
            kafka.bootstrapServers(), DELIVERY, KafkaProducers.batching(LINGER_MS))) {
      long sent = 0;
      for (Found reject : rejected) {
        sent = send(window, publisher.publishDeadLetter(deadLetter(reject)), sent, total, bar);
      }
      // The JSON of the next chunk is made on the second core while this one is sent.
      Future<List<EventPublisher.Encoded>> next =
          encoder.submit(() -> encode(publisher, events, 0));
      for (int from = 0; from < events.size(); from += ENCODED_CHUNK) {
        List<EventPublisher.Encoded> chunk = next.get();
        int following = from + ENCODED_CHUNK;
        if (following < events.size()) {
          next = encoder.submit(() -> encode(publisher, events, following));
        }
        for (EventPublisher.Encoded event : chunk) {
          sent = send(window, publisher.publish(event, source), sent, total, bar);
        }
      }
      report.failedSends(window.awaitAll(DELIVERY.multipliedBy(2)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending to Kafka", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("encoding an event failed: " + e.getCause(), e.getCause());
    } finally {
      encoder.shutdownNow();
    }
    bar.done();
    report.accepted(events.size());
  }

  private static List<EventPublisher.Encoded> encode(
      EventPublisher publisher, List<TicketEvent> events, int from) {
    List<TicketEvent> chunk = events.subList(from, Math.min(events.size(), from + ENCODED_CHUNK));
    List<EventPublisher.Encoded> encoded = new ArrayList<>(chunk.size());
    for (TicketEvent event : chunk) {
      encoded.add(publisher.encode(event));
    }
    return encoded;
  }

  /** Counts a send into the window; stops the import at once if Kafka refused it outright. */
  private long send(
      SendWindow window, CompletableFuture<Void> send, long sent, long total, ProgressBar bar)
      throws InterruptedException {
    window.add(send);
    if (send.isCompletedExceptionally()) {
      throw new IllegalStateException(
          "Kafka at "
              + kafka.bootstrapServers()
              + " does not accept records (is it running? ./sanjeh kafka start)."
              + " Stopped at "
              + sent
              + " of "
              + total
              + "; run the same import again, event ids make it safe. (--out FILE needs no Kafka.)");
    }
    bar.step();
    return sent + 1;
  }

  /** One rejects file per input file (a Zendesk folder has one for the folder). */
  private void writeRejects(List<Found> found) throws IOException {
    Map<Path, List<Found>> byFile =
        found.stream()
            .collect(Collectors.groupingBy(Found::file, LinkedHashMap::new, Collectors.toList()));
    for (var entry : byFile.entrySet()) {
      Path rejects = rejectsFile(entry.getKey());
      try (BufferedWriter writer = Files.newBufferedWriter(rejects, StandardCharsets.UTF_8)) {
        for (Found f : entry.getValue()) {
          ImportReport.write(writer, f.finding());
        }
      }
      stdout.println(
          "findings of " + entry.getKey().getFileName() + " with their reasons: " + rejects);
    }
  }

  private List<ImportItem> items(Path file) throws IOException {
    return switch (format) {
      case "twcc" -> TwccAdapter.read(file);
      case "ndjson" -> NdjsonAdapter.read(file);
      case "helpdesk" -> helpdesk().read(file);
      case "calls" -> {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          yield CallLogAdapter.read(reader, file.getFileName().toString(), conversations(), region);
        }
      }
      default -> email(file);
    };
  }

  private HelpdeskMapping helpdesk() throws IOException {
    if (helpdeskMapping == null) {
      helpdeskMapping = HelpdeskMapping.load(mapping);
    }
    return helpdeskMapping;
  }

  private List<ImportItem> email(Path file) throws IOException {
    EmailAdapter adapter =
        new EmailAdapter(
            team.stream().filter(t -> !t.isBlank()).collect(Collectors.toUnmodifiableSet()));
    List<InboundMessage> messages = new ArrayList<>();
    List<ImportItem> items = new ArrayList<>();
    if (file.toString().endsWith(".mbox")) {
      items.addAll(adapter.readMbox(file, messages));
    } else {
      try (InputStream in = Files.newInputStream(file)) {
        messages.add(adapter.read(in));
      } catch (IOException e) {
        items.add(
            new ImportItem.Rejected(
                file.getFileName().toString(), 0, Files.readAllBytes(file), e.getMessage()));
      }
    }
    // Oldest first, so that threads and open tickets form in the order they happened.
    messages.sort(Comparator.comparing(InboundMessage::at));
    messages.forEach(m -> items.add(new ImportItem.Event(conversations().toEvent(m))));
    return items;
  }

  /**
   * Customer lookup in ClickHouse (SANJEH_CLICKHOUSE_*), for the formats that start from raw
   * messages.
   */
  private Conversations conversations() {
    if (conversations == null) {
      WarehouseConfig config =
          directory != null ? directory : WarehouseConfig.fromEnvironment(System.getenv());
      Warehouse customers = Warehouse.connect(config);
      IdentityResolver resolver = new IdentityResolver(customers, clock);
      conversations =
          new Conversations(
              (m, src) -> resolver.resolve(m.customer(), src),
              new TicketRouter(Duration.ofHours(24), new WarehouseHistory(customers)));
    }
    return conversations;
  }

  private DeadLetter deadLetter(Found found) {
    Finding finding = found.finding();
    return new DeadLetter(
        clock.instant(),
        source + ":" + found.file().getFileName(),
        found.line(),
        finding.raw().getBytes(StandardCharsets.UTF_8),
        finding.where() + ": " + finding.message());
  }

  private List<Path> files() throws IOException {
    if (!Files.exists(input)) {
      throw new IllegalArgumentException("no such file or folder: " + input);
    }
    if (Files.isRegularFile(input)) {
      return List.of(input);
    }
    List<String> suffixes =
        switch (format) {
          case "twcc" -> List.of(".json");
          case "ndjson" -> List.of(".jsonl", ".ndjson");
          case "email" -> List.of(".eml", ".mbox");
          default -> List.of(".csv", ".jsonl");
        };
    try (Stream<Path> entries = Files.list(input)) {
      return entries
          .filter(p -> suffixes.stream().anyMatch(p.toString()::endsWith))
          .sorted()
          .toList();
    }
  }

  /**
   * Next to the input when its folder is meant to be written (its owner-write bit is set: root can
   * write anywhere, a read-only data folder must stay untouched), else under var/rejects.
   */
  private Path rejectsFile(Path file) throws IOException {
    Path folder =
        Files.isDirectory(file) ? file.toAbsolutePath() : file.toAbsolutePath().getParent();
    Path dir =
        rejectsDir != null
            ? rejectsDir
            : folder != null && ownerWritable(folder) ? folder : Path.of("var", "rejects");
    Files.createDirectories(dir);
    return dir.resolve(file.getFileName() + ".rejects.jsonl");
  }

  private static boolean ownerWritable(Path folder) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
      return permissions.contains(PosixFilePermission.OWNER_WRITE);
    } catch (IOException | UnsupportedOperationException e) {
      return Files.isWritable(folder);
    }
  }
}
