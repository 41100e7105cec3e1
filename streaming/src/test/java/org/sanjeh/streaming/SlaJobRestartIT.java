package org.sanjeh.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.ingestion.kafka.TestKafka;
import org.sanjeh.streaming.config.JobOptions;
import org.sanjeh.streaming.testing.JobProcess;
import org.sanjeh.streaming.testing.TestEvents;
import org.sanjeh.testbed.ClickHouseServer;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * Exactly-once effect: the job is killed (SIGKILL) while events stream in, restarted from its last
 * checkpoint, and every table it writes ends up identical to the tables of a run that was never
 * interrupted. Both runs are their own JVMs reading the same topic into their own databases.
 */
@ExtendWith(ClickHouseExtension.class)
class SlaJobRestartIT {

  static final Duration PATIENCE = Duration.ofMinutes(3);

  /** Columns that say when a copy was written, not what it says. */
  static final Set<String> WRITE_TIME_COLUMNS = Set.of("ingested_at", "version");

  @Test
  void aJobKilledMidStreamResumesFromItsCheckpointAndConvergesToTheUninterruptedResult(
      ClickHouseServer server) throws Exception {
    String bootstrap = TestKafka.shared().bootstrapServers();
    String topic = "it-restart-" + UUID.randomUUID();
    TestEvents.createTopic(bootstrap, topic, 2);
    List<TicketEvent> events = TestEvents.lifecycles(11, 3000, 10);
    int half = events.size() / 2;
    TestEvents.send(bootstrap, topic, events.subList(0, half), TestEvents.BAD_RECORDS, 0);

    String suffix = Integer.toString((int) (Math.random() * 10_000));
    Warehouse interrupted = database(server, "it_restart_killed_" + suffix);
    Warehouse uninterrupted = database(server, "it_restart_whole_" + suffix);
    Path work = Files.createTempDirectory("sanjeh-restart-it-");
    Path checkpoints = work.resolve("checkpoints-killed");

    JobProcess first =
        JobProcess.start(
            interrupted.config(),
            work.resolve("killed.log"),
            options(topic, "killed", checkpoints, "none"));
    waitFor(
        () ->
            JobOptions.latestCheckpoint(checkpoints).isPresent()
                && interrupted.queryLong("SELECT count() FROM sla_tickets") > 0,
        "the first run to write rows and complete a checkpoint",
        first);
    Thread secondHalf =
        new Thread(
            () -> {
              try {
                TestEvents.send(
                    bootstrap, topic, events.subList(half, events.size()), List.of(), 3000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    secondHalf.start();
    Thread.sleep(1500);
    first.kill();
    long rowsAtKill = interrupted.queryLong("SELECT count() FROM ticket_events FINAL");
    secondHalf.join();

    try (JobProcess resumed =
            JobProcess.start(
                interrupted.config(),
                work.resolve("resumed.log"),
                options(topic, "killed", checkpoints, "latest"));
        JobProcess whole =
            JobProcess.start(
                uninterrupted.config(),
                work.resolve("whole.log"),
                options(topic, "whole", work.resolve("checkpoints-whole"), "none"))) {
      waitUntilQuiet(interrupted, events.size(), resumed);
      waitUntilQuiet(uninterrupted, events.size(), whole);
      assertThat(resumed.output()).contains("resuming from checkpoint");
    }

    assertThat(rowsAtKill).isBetween(1L, (long) events.size() - 1);
    for (String table :
        List.of(
            "sla_tickets",
            "sla_alerts",
            "sla_minute",
            "sla_quarter",
            "dead_letters",
            "ticket_events",
            "ticket_messages")) {
      List<String> expected = rows(uninterrupted, table);
      assertThat(expected).as(table).isNotEmpty();
      assertThat(rows(interrupted, table)).as(table).isEqualTo(expected);
    }
  }

  static String[] options(String topic, String group, Path checkpoints, String restore) {
    return new String[] {
      "--topic",
      topic,
      "--group",
      group,
      "--alerts-topic",
      "none",
      "--checkpoint-dir",
      checkpoints.toString(),
      "--checkpoint-interval",
      "1s",
      "--restore",
      restore,
      // the final watermark must not depend on which partition went quiet first
      "--idleness",
      "1h",
      "--bootstrap-servers",
      TestKafka.shared().bootstrapServers()
    };
  }

  static Warehouse database(ClickHouseServer server, String name) {
    Warehouse warehouse = Warehouse.connect(ClickHouseExtension.config(server, name));
    new MigrationRunner(warehouse).migrate(Migrations.sanjehSchema());
    return warehouse;
  }

  /** Every row of the table, every column but the write-time ones, in key order. */
  static List<String> rows(Warehouse warehouse, String table) {
    // every value as text in SQL: the driver cannot read DateTime 0 (our "absent")
    List<String> kept =
        warehouse
            .query(
                "DESCRIBE TABLE " + table,
                row ->
                    WRITE_TIME_COLUMNS.contains(row.getString(1))
                        ? ""
                        : row.getString(2).startsWith("Array")
                            ? "arrayStringConcat(arrayMap(x -> toString(x), %s), ',')"
                                .formatted(row.getString(1))
                            : "toString(%s)".formatted(row.getString(1)))
            .stream()
            .filter(c -> !c.isEmpty())
            .toList();
    String select = String.join(", ", kept);
    return warehouse.query(
        "SELECT " + select + " FROM " + table + " FINAL ORDER BY " + select,
        row -> {
          List<String> values = new ArrayList<>();
          for (int i = 1; i <= kept.size(); i++) {
            values.add(row.getString(i));
          }
          return String.join("|", values);
        });
  }

  /** Until every event is stored and no table has grown for five seconds. */
  static void waitUntilQuiet(Warehouse warehouse, int events, JobProcess job) throws Exception {
    String last = "";
    int quietSeconds = 0;
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (quietSeconds < 5) {
      if (System.nanoTime() > deadline || !job.isAlive()) {
        throw new AssertionError(
            "the job in " + warehouse.config().database() + " did not finish: " + job.output());
      }
      Thread.sleep(1000);
      String counts =
          warehouse
              .query(
                  "SELECT (SELECT count() FROM sla_tickets), (SELECT count() FROM sla_alerts),"
                      + " (SELECT count() FROM sla_minute), (SELECT count() FROM ticket_events FINAL)",
                  row ->
                      row.getLong(1)
                          + "/"
                          + row.getLong(2)
                          + "/"
                          + row.getLong(3)
                          + "/"
                          + row.getLong(4))
              .get(0);
      boolean allStored = counts.endsWith("/" + events);
      quietSeconds = allStored && counts.equals(last) ? quietSeconds + 1 : 0;
      last = counts;
    }
  }

  interface Check {
    boolean met() throws Exception;
  }

  static void waitFor(Check check, String what, JobProcess job) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!check.met()) {
      if (System.nanoTime() > deadline || !job.isAlive()) {
        throw new AssertionError("waited in vain for " + what + ": " + job.output());
      }
      Thread.sleep(200);
    }
  }
}
