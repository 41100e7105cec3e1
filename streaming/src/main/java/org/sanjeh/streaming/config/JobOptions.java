package org.sanjeh.streaming.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.sanjeh.core.sla.PolicyFile;
import org.sanjeh.streaming.SlaJob;

/**
 * The {@code run} command's options, with their defaults. Durations are written {@code 500ms},
 * {@code 10s}, {@code 5m}, {@code 2h}, {@code 30d}.
 */
public record JobOptions(
    String bootstrapServers,
    String topic,
    String groupId,
    String alertTopic,
    Path policyFile,
    boolean rawEvents,
    int parallelism,
    Path checkpointDir,
    Duration checkpointInterval,
    String stateBackend,
    String restore,
    boolean dropRemovedState,
    Duration outOfOrderness,
    Duration idleness,
    Duration allowedLateness,
    int batchSize,
    Duration flushInterval,
    String database) {

  public static final String USAGE =
      """
        --bootstrap-servers H:P   Kafka (env SANJEH_KAFKA_BOOTSTRAP, else 127.0.0.1:19092)
        --topic T                 ticket events topic (ticket-events)
        --group G                 consumer group (sanjeh-sla)
        --alerts-topic T|none     where alerts are published (sla-alerts)
        --policy FILE             SLA policy JSON (default: the bundled Iran preset)
        --raw-events true|false   also write whole events to ticket_events/ticket_messages (true)
        --parallelism N           (2)
        --checkpoint-dir DIR      checkpoints, kept after the job ends (var/flink/checkpoints)
        --checkpoint-interval D   (10s)
        --state-backend B         hashmap (heap, the default) or rocksdb (millions of open tickets)
        --restore latest|PATH|none  resume from the newest checkpoint in --checkpoint-dir (latest)
        --drop-removed-state true|false  restore even when the checkpoint has state of an operator
                                  this version no longer has, and drop that state (false)
        --out-of-orderness D      how late an event may be and still be on time (5s)
        --idleness D              a silent partition stops holding the watermark after D (30s)
        --allowed-lateness D      an event up to D older than its ticket's newest is put in
                                  event-time order; an older one goes to dead_letters (7d)
        --batch-size N            rows per ClickHouse insert (50000)
        --flush-interval D        the longest a row waits for its insert (1s)
        --database DB             ClickHouse database (env SANJEH_CLICKHOUSE_DATABASE, else sanjeh)
      ClickHouse: SANJEH_CLICKHOUSE_HOST, _HTTP_PORT, _USER, _PASSWORD or _PASSWORD_FILE.
      """;

  private static final Set<String> KNOWN =
      Set.of(
          "bootstrap-servers",
          "topic",
          "group",
          "alerts-topic",
          "policy",
          "raw-events",
          "parallelism",
          "checkpoint-dir",
          "checkpoint-interval",
          "state-backend",
          "restore",
          "drop-removed-state",
          "out-of-orderness",
          "idleness",
          "allowed-lateness",
          "batch-size",
          "flush-interval",
          "database");

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  public static JobOptions parse(Map<String, String> options, Map<String, String> env) {
    for (String name : options.keySet()) {
      if (!KNOWN.contains(name) && !name.equals("_")) {
        throw new IllegalArgumentException(
            "unknown option --" + name + "; the options are:\n" + USAGE);
      }
    }
    String backend = options.getOrDefault("state-backend", "hashmap");
    if (!backend.equals("hashmap") && !backend.equals("rocksdb")) {
      throw new IllegalArgumentException(
          "--state-backend " + backend + ": use hashmap (heap) or rocksdb");
    }
    return new JobOptions(
        options.getOrDefault(
            "bootstrap-servers", env.getOrDefault("SANJEH_KAFKA_BOOTSTRAP", "127.0.0.1:19092")),
        options.getOrDefault("topic", "ticket-events"),
        options.getOrDefault("group", "sanjeh-sla"),
        options.getOrDefault("alerts-topic", "sla-alerts"),
        options.containsKey("policy") ? Path.of(options.get("policy")) : null,
        bool(options, "raw-events", true),
        positive(options, "parallelism", 2),
        Path.of(options.getOrDefault("checkpoint-dir", "var/flink/checkpoints")).toAbsolutePath(),
        duration(options, "checkpoint-interval", "10s"),
        backend,
        options.getOrDefault("restore", "latest"),
        bool(options, "drop-removed-state", false),
        duration(options, "out-of-orderness", "5s"),
        duration(options, "idleness", "30s"),
        duration(options, "allowed-lateness", "7d"),
        positive(options, "batch-size", 50_000),
        duration(options, "flush-interval", "1s"),
        options.getOrDefault("database", env.getOrDefault("SANJEH_CLICKHOUSE_DATABASE", "sanjeh")));
  }

  public String policyJson() {
    if (policyFile == null) {
      return PolicyFile.defaultText();
    }
    return PolicyFile.readText(policyFile);
  }

  public SlaJob.Settings settings() {
    SlaJob.Settings defaults = SlaJob.Settings.defaults(policyJson());
    return new SlaJob.Settings(
        defaults.policyJson(),
        outOfOrderness,
        idleness,
        defaults.ticketRetention(),
        defaults.minuteRetention(),
        allowedLateness);
  }

  /** Flink's configuration: checkpoints, state backend, restore point, parallelism. */
  public Configuration flinkConfiguration() {
    Map<String, String> conf = new HashMap<>();
    conf.put("execution.checkpointing.interval", checkpointInterval.toMillis() + " ms");
    conf.put("execution.checkpointing.dir", checkpointDir.toUri().toString());
    conf.put("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
    conf.put("execution.checkpointing.num-retained", "3");
    conf.put("state.backend.type", stateBackend);
    conf.put("parallelism.default", Integer.toString(parallelism));
    conf.put("pipeline.object-reuse", "true");
    conf.put("pipeline.generic-types", "false");
    conf.put("restart-strategy.type", "exponential-delay");
    restorePath()
        .ifPresent(path -> conf.put("execution.state-recovery.path", path.toUri().toString()));
    // e.g. the minute aggregates' state from before they were keyed by minute (other uid)
    conf.put("execution.state-recovery.ignore-unclaimed-state", Boolean.toString(dropRemovedState));
    return Configuration.fromMap(conf);
  }

  /** The checkpoint to resume from: a path, the newest complete one under the folder, or none. */
  public Optional<Path> restorePath() {
    return switch (restore) {
      case "none" -> Optional.empty();
      case "latest" -> latestCheckpoint(checkpointDir);
      default -> Optional.of(Path.of(restore));
    };
  }

  /** The newest {@code chk-N} folder with a {@code _metadata} file, over all jobs under dir. */
  public static Optional<Path> latestCheckpoint(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(dir, 3)) {
      return files
          .filter(p -> p.getFileName().toString().equals("_metadata"))
          .map(Path::getParent)
          .filter(p -> p.getFileName().toString().startsWith("chk-"))
          .max(Comparator.comparingLong(JobOptions::lastModified));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for checkpoints in " + dir + ": " + e, e);
    }
  }

  private static long lastModified(Path path) {
    try {
      return Files.getLastModifiedTime(path.resolve("_metadata")).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  public static Duration parseDuration(String name, String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "--%s %s: not a duration; write e.g. 500ms, 10s, 5m, 2h or 30d".formatted(name, text));
      }
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  private static Duration duration(Map<String, String> options, String name, String fallback) {
    return parseDuration(name, options.getOrDefault(name, fallback));
  }

  private static int positive(Map<String, String> options, String name, int fallback) {
    String text = options.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--%s %s: must be a positive whole number".formatted(name, text));
  }

  private static boolean bool(Map<String, String> options, String name, boolean fallback) {
    String text = options.get(name);
    if (text == null) {
      return fallback;
    }
    return switch (text) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default ->
          throw new IllegalArgumentException("--%s %s: use true or false".formatted(name, text));
    };
  }
}
