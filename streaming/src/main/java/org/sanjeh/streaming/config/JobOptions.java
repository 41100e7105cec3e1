package org.sanjeh.streaming.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sanjeh.core.sla.PolicyFile;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The {@code run} command's options, each declared once with its default (a picocli mixin).
 * Durations are written {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 30d}. Only plain
 * Java types here: the root {@code sanjeh} CLI loads this class without Flink to print help.
 */
public final class JobOptions {

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "H:P",
      defaultValue = "${env:SANJEH_KAFKA_BOOTSTRAP:-127.0.0.1:19092}",
      description = "Kafka (env SANJEH_KAFKA_BOOTSTRAP). Default: ${DEFAULT-VALUE}.")
  private String bootstrapServers;

  @Option(
      names = "--topic",
      paramLabel = "T",
      defaultValue = "ticket-events",
      description = "The ticket events topic. Default: ${DEFAULT-VALUE}.")
  private String topic;

  @Option(
      names = "--group",
      paramLabel = "G",
      defaultValue = "sanjeh-sla",
      description = "The consumer group. Default: ${DEFAULT-VALUE}.")
  private String groupId;

  @Option(
      names = "--alerts-topic",
      paramLabel = "T|none",
      defaultValue = "sla-alerts",
      description = "Where alerts are published. Default: ${DEFAULT-VALUE}.")
  private String alertTopic;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "The SLA policy JSON. Default: the bundled Iran preset.")
  private Path policyFile;

  @Option(
      names = "--raw-events",
      arity = "1",
      paramLabel = "true|false",
      defaultValue = "true",
      description =
          "Also write whole events to ticket_events and ticket_messages. Default: ${DEFAULT-VALUE}.")
  private boolean rawEvents;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      defaultValue = "2",
      converter = Positive.class,
      description = "Parallel tasks per operator. Default: ${DEFAULT-VALUE}.")
  private int parallelism;

  @Option(
      names = "--checkpoint-dir",
      paramLabel = "DIR",
      defaultValue = "var/flink/checkpoints",
      description = "Checkpoints, kept after the job ends. Default: ${DEFAULT-VALUE}.")
  private Path checkpointDir;

  @Option(
      names = "--checkpoint-interval",
      paramLabel = "D",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Default: ${DEFAULT-VALUE}.")
  private Duration checkpointInterval;

  @Option(
      names = "--state-backend",
      paramLabel = "B",
      defaultValue = "hashmap",
      converter = StateBackend.class,
      description =
          "hashmap (heap) or rocksdb (millions of open tickets). Default: ${DEFAULT-VALUE}.")
  private String stateBackend;

  @Option(
      names = "--restore",
      paramLabel = "latest|PATH|none",
      defaultValue = "latest",
      description =
          "Resume from the newest checkpoint in --checkpoint-dir, from PATH, or not at all."
              + " Default: ${DEFAULT-VALUE}.")
  private String restore;

  @Option(
      names = "--drop-removed-state",
      arity = "1",
      paramLabel = "true|false",
      defaultValue = "false",
      description =
          "Restore even when the checkpoint has state of an operator this version no longer has,"
              + " and drop that state. Default: ${DEFAULT-VALUE}.")
  private boolean dropRemovedState;

  @Option(
      names = "--out-of-orderness",
      paramLabel = "D",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description = "How late an event may be and still be on time. Default: ${DEFAULT-VALUE}.")
  private Duration outOfOrderness;

  @Option(
      names = "--idleness",
      paramLabel = "D",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description =
          "A silent partition stops holding the watermark after D. Default: ${DEFAULT-VALUE}.")
  private Duration idleness;

  @Option(
      names = "--allowed-lateness",
      paramLabel = "D",
      defaultValue = "7d",
      converter = DurationConverter.class,
      description =
          "An event up to D older than its ticket's newest is put in event-time order; an older"
              + " one goes to dead_letters. Default: ${DEFAULT-VALUE}.")
  private Duration allowedLateness;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "50000",
      converter = Positive.class,
      description = "Rows per ClickHouse insert. Default: ${DEFAULT-VALUE}.")
  private int batchSize;

  @Option(
      names = "--flush-interval",
      paramLabel = "D",
      defaultValue = "1s",
      converter = DurationConverter.class,
      description = "The longest a row waits for its insert. Default: ${DEFAULT-VALUE}.")
  private Duration flushInterval;

  @Option(
      names = "--database",
      paramLabel = "DB",
      defaultValue = "${env:SANJEH_CLICKHOUSE_DATABASE:-sanjeh}",
      description =
          "ClickHouse database (env SANJEH_CLICKHOUSE_DATABASE). Default: ${DEFAULT-VALUE}.")
  private String database;

  /** The options of {@code args}, defaults for the rest (for tests and embedding). */
  public static JobOptions parse(String... args) {
    return CommandLine.populateCommand(new JobOptions(), args);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String topic() {
    return topic;
  }

  public String groupId() {
    return groupId;
  }

  public String alertTopic() {
    return alertTopic;
  }

  public Path policyFile() {
    return policyFile;
  }

  public boolean rawEvents() {
    return rawEvents;
  }

  public int parallelism() {
    return parallelism;
  }

  public Path checkpointDir() {
    return checkpointDir.toAbsolutePath();
  }

  public Duration checkpointInterval() {
    return checkpointInterval;
  }

  public String stateBackend() {
    return stateBackend;
  }

  public String restore() {
    return restore;
  }

  public boolean dropRemovedState() {
    return dropRemovedState;
  }

  public Duration outOfOrderness() {
    return outOfOrderness;
  }

  public Duration idleness() {
    return idleness;
  }

  public Duration allowedLateness() {
    return allowedLateness;
  }

  public int batchSize() {
    return batchSize;
  }

  public Duration flushInterval() {
    return flushInterval;
  }

  public String database() {
    return database;
  }

  public String policyJson() {
    if (policyFile == null) {
      return PolicyFile.defaultText();
    }
    return PolicyFile.readText(policyFile);
  }

  /** The checkpoint to resume from: a path, the newest complete one under the folder, or none. */
  public Optional<Path> restorePath() {
    return switch (restore) {
      case "none" -> Optional.empty();
      case "latest" -> latestCheckpoint(checkpointDir());
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

  /** {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 30d} or ISO-8601. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        try {
          return Duration.parse(value);
        } catch (DateTimeParseException e) {
          throw new CommandLine.TypeConversionException(
              "'" + value + "' is not a duration; write e.g. 500ms, 10s, 5m, 2h or 30d");
        }
      }
      return parseDuration("duration", value);
    }
  }

  /** A whole number above zero. */
  static final class Positive implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int number = Integer.parseInt(value);
        if (number > 0) {
          return number;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new CommandLine.TypeConversionException(
          "'" + value + "' must be a positive whole number");
    }
  }

  /** The two state backends the job supports. */
  static final class StateBackend implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.equals("hashmap") || value.equals("rocksdb")) {
        return value;
      }
      throw new CommandLine.TypeConversionException(
          "'" + value + "': use hashmap (heap) or rocksdb");
    }
  }
}
