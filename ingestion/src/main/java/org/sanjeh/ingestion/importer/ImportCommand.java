package org.sanjeh.ingestion.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.sanjeh.ingestion.kafka.EventPublisher;
import org.sanjeh.ingestion.kafka.Topics;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.cli.Progress;
import org.sanjeh.warehouse.write.DeadLetter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./sanjeh import FILE|DIR --format F}: reads files through their adapter, sends the events
 * to Kafka and the rejects to the dead-letter topic and to a rejects file, shows progress (rate,
 * time left) and ends with a summary. Exits non-zero if Kafka did not acknowledge everything;
 * running it again is safe, event ids make the second run a no-op downstream.
 */
@Command(
    name = "import",
    description = {
      "Import files through Kafka (with --out FILE: into a time-ordered NDJSON file instead).",
      "Formats: twcc (TWCC customer-care dialogs), ndjson (the event contract), email (.eml and"
          + " .mbox; --team names the team's addresses), calls (call-log CSV), helpdesk (any"
          + " help-desk export, with --mapping FILE.json; see docs/import.md).",
      "Rejects go next to the input, or to var/rejects when that folder is read-only."
    },
    mixinStandardHelpOptions = true)
public final class ImportCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int IN_FLIGHT = 10_000;
  static final List<String> FORMATS = List.of("twcc", "ndjson", "helpdesk", "calls", "email");

  @Parameters(paramLabel = "FILE|DIR", description = "A file, or a folder of files, to import.")
  private Path input;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "F",
      description = "twcc, ndjson, email, calls or helpdesk.")
  private String format;

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description = "The source system recorded with each event (default: import:FORMAT).")
  private String source;

  @Option(
      names = "--rejects",
      paramLabel = "DIR",
      description = "Where the rejects files go (default: next to the input, else var/rejects).")
  private Path rejectsDir;

  @Option(
      names = "--mapping",
      paramLabel = "FILE.json",
      description = "For --format helpdesk: how the export's columns map onto the event contract.")
  private Path mapping;

  @Option(
      names = "--team",
      split = ",",
      paramLabel = "ADDRESSES",
      description = "For --format email: the team's own addresses, comma-separated.")
  private Set<String> team;

  @Option(
      names = "--region",
      paramLabel = "CC",
      defaultValue = "IR",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "For --format calls: the country of phone numbers written without one.")
  private String region;

  /** With {@code --out FILE}: the accepted events as NDJSON in event-time order, not to Kafka. */
  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the accepted events in time order to FILE instead of Kafka.")
  private Path out;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "H:P",
      defaultValue = "${env:SANJEH_KAFKA_BOOTSTRAP:-127.0.0.1:19092}",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "Kafka (env SANJEH_KAFKA_BOOTSTRAP).")
  private String bootstrap;

  private Conversations conversations;
  private WarehouseConfig directory;
  private final Clock clock = Clock.systemUTC();

  /** For picocli: the options are set from the command line. */
  public ImportCommand() {}

  /**
   * The command with {@code options} as on the command line ({@code "_"}: the file or folder, every
   * other key: {@code --key value}).
   */
  public ImportCommand(String bootstrap, Map<String, String> options) {
    this(bootstrap, options, null);
  }

  /**
   * @param directory where the customer directory is (for email and calls); null reads the
   *     SANJEH_CLICKHOUSE_* environment
   */
  public ImportCommand(String bootstrap, Map<String, String> options, WarehouseConfig directory) {
    List<String> args = new ArrayList<>();
    options.forEach(
        (name, value) -> {
          if (name.equals("_")) {
            args.add(value);
          } else {
            args.add("--" + name);
            args.add(value);
          }
        });
    new CommandLine(this).parseArgs(args.toArray(String[]::new));
    this.bootstrap = bootstrap;
    this.directory = directory;
    check();
  }

  @Override
  public Integer call() throws IOException {
    check();
    return run();
  }

  private void check() {
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
  }

  public int run() throws IOException {
    List<Path> files = files();
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no input files in " + input);
    }
    Summary summary = new Summary();
    if (out != null) {
      return export(files, summary);
    }
    Topics.ensure(bootstrap, 4);
    // History goes onto Kafka oldest first, across all files, so that streaming consumers see event
    // time advance as it did: their watermarks and per-minute aggregates depend on it.
    List<ImportItem> events = new ArrayList<>();
    try (EventPublisher publisher = new EventPublisher(bootstrap, Duration.ofSeconds(30))) {
      for (Path file : files) {
        List<ImportItem> items = items(file);
        items.stream().filter(ImportItem.Event.class::isInstance).forEach(events::add);
        importFile(
            file,
            items.stream().filter(ImportItem.Rejected.class::isInstance).toList(),
            publisher,
            summary);
      }
      events.sort(Comparator.comparing(item -> ((ImportItem.Event) item).event().occurredAt()));
      importFile(input, events, publisher, summary);
    }
    summary.print(System.out);
    return summary.failedSends == 0 ? 0 : 1;
  }

  /** The events as an NDJSON file sorted by time (for ./sanjeh replay); rejects as usual. */
  private int export(List<Path> files, Summary summary) throws IOException {
    List<TicketEvent> events = new ArrayList<>();
    for (Path file : files) {
      Path rejects = rejectsFile(file);
      try (BufferedWriter rejectOut = Files.newBufferedWriter(rejects, StandardCharsets.UTF_8)) {
        for (ImportItem item : items(file)) {
          summary.read++;
          if (item instanceof ImportItem.Event event) {
            events.add(event.event());
            summary.accepted++;
          } else if (item instanceof ImportItem.Rejected rejected) {
            writeReject(rejectOut, rejected);
            summary.reject(rejected.reason());
          }
        }
      }
      if (!summary.rejectedIn(file)) {
        Files.deleteIfExists(rejects);
      }
    }
    events.sort(Comparator.comparing(TicketEvent::occurredAt).thenComparing(TicketEvent::eventId));
    TicketEventCodec codec = new TicketEventCodec();
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (TicketEvent event : events) {
        writer.write(codec.encode(event));
        writer.newLine();
      }
    }
    summary.print(System.out);
    System.out.printf("wrote %,d events in time order to %s%n", events.size(), out);
    return 0;
  }

  private void importFile(
      Path file, List<ImportItem> items, EventPublisher publisher, Summary summary)
      throws IOException {
    if (items.isEmpty()) {
      return;
    }
    boolean events = items.get(0) instanceof ImportItem.Event;
    Path rejects = events ? null : rejectsFile(file);
    Progress progress =
        new Progress(
            events ? "publishing events in time order" : "rejects of " + file.getFileName(),
            items.size());
    List<CompletableFuture<Void>> inFlight = new ArrayList<>();
    try (BufferedWriter rejectOut =
        events ? null : Files.newBufferedWriter(rejects, StandardCharsets.UTF_8)) {
      for (ImportItem item : items) {
        summary.read++;
        if (item instanceof ImportItem.Event event) {
          inFlight.add(publisher.publish(event.event(), source));
          summary.accepted++;
        } else if (item instanceof ImportItem.Rejected rejected) {
          inFlight.add(publisher.publishDeadLetter(deadLetter(file, rejected)));
          writeReject(rejectOut, rejected);
          summary.reject(rejected.reason());
        }
        if (!inFlight.isEmpty() && inFlight.get(inFlight.size() - 1).isCompletedExceptionally()) {
          throw new IllegalStateException(
              "Kafka at "
                  + bootstrap
                  + " does not accept records (is it running? ./sanjeh kafka start)."
                  + " Stopped at "
                  + summary.read
                  + " of "
                  + items.size()
                  + " in "
                  + file.getFileName()
                  + "; run the same import again, event ids make it safe.");
        }
        if (inFlight.size() >= IN_FLIGHT) {
          summary.failedSends += await(inFlight);
        }
        progress.step();
      }
      summary.failedSends += await(inFlight);
    }
    progress.done();
    if (events) {
      return;
    }
    if (summary.rejectedIn(file)) {
      System.out.println("rejects of " + file.getFileName() + " with their reasons: " + rejects);
    } else {
      Files.deleteIfExists(rejects);
    }
  }

  private List<ImportItem> items(Path file) throws IOException {
    return switch (format) {
      case "twcc" -> TwccAdapter.read(file);
      case "ndjson" -> NdjsonAdapter.read(file);
      case "helpdesk" -> HelpdeskMapping.load(mapping).read(file);
      case "calls" -> {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          yield CallLogAdapter.read(reader, file.getFileName().toString(), conversations(), region);
        }
      }
      default -> email(file);
    };
  }

  private List<ImportItem> email(Path file) throws IOException {
    EmailAdapter adapter = new EmailAdapter(team == null ? Set.of() : team);
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
    messages.sort(java.util.Comparator.comparing(InboundMessage::at));
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
      Warehouse directory = Warehouse.connect(config);
      IdentityResolver resolver = new IdentityResolver(directory, clock);
      conversations =
          new Conversations(
              (m, source) -> resolver.resolve(m.customer(), source),
              new TicketRouter(Duration.ofHours(24), new WarehouseHistory(directory)));
    }
    return conversations;
  }

  private DeadLetter deadLetter(Path file, ImportItem.Rejected rejected) {
    return new DeadLetter(
        clock.instant(),
        source + ":" + file.getFileName(),
        rejected.line(),
        rejected.raw(),
        rejected.where() + ": " + rejected.reason());
  }

  private static void writeReject(BufferedWriter out, ImportItem.Rejected rejected)
      throws IOException {
    ObjectNode line = JSON.createObjectNode();
    line.put("where", rejected.where());
    line.put("reason", rejected.reason());
    line.put("input", new String(rejected.raw(), StandardCharsets.UTF_8));
    out.write(JSON.writeValueAsString(line));
    out.newLine();
  }

  /** Waits for Kafka's acknowledgements; returns how many sends failed. */
  private static int await(List<CompletableFuture<Void>> inFlight) {
    int failed = 0;
    for (CompletableFuture<Void> send : inFlight) {
      try {
        send.get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        failed++;
      }
    }
    inFlight.clear();
    return failed;
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
    Path folder = file.toAbsolutePath().getParent();
    Path dir =
        rejectsDir != null
            ? rejectsDir
            : ownerWritable(folder) ? folder : Path.of("var", "rejects");
    Files.createDirectories(dir);
    return dir.resolve(file.getFileName() + ".rejects.jsonl");
  }

  private static boolean ownerWritable(Path folder) {
    try {
      return Files.getPosixFilePermissions(folder).contains(PosixFilePermission.OWNER_WRITE);
    } catch (IOException | UnsupportedOperationException e) {
      return Files.isWritable(folder);
    }
  }

  /** Counts for the closing summary, rejects grouped by reason. */
  private static final class Summary {
    long read;
    long accepted;
    long failedSends;
    final Map<String, Long> rejectedByReason = new TreeMap<>();
    long rejectedBefore;
    long rejectedTotal;

    void reject(String reason) {
      rejectedTotal++;
      String kind = reason.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("\\d+", "N");
      rejectedByReason.merge(
          kind.length() > 120 ? kind.substring(0, 120) + "…" : kind, 1L, Long::sum);
    }

    boolean rejectedIn(Path file) {
      boolean any = rejectedTotal > rejectedBefore;
      rejectedBefore = rejectedTotal;
      return any;
    }

    void print(java.io.PrintStream out) {
      out.printf("read %,d, accepted %,d, rejected %,d%n", read, accepted, rejectedTotal);
      rejectedByReason.forEach(
          (reason, count) -> out.printf("  %,6d rejected: %s%n", count, reason));
      if (failedSends > 0) {
        out.printf(
            "ERROR: Kafka did not acknowledge %,d records. Run the same import again: event ids make it safe.%n",
            failedSends);
      }
    }
  }
}
