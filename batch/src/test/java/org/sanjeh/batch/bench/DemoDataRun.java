package org.sanjeh.batch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sanjeh.batch.BatchCommand;
import org.sanjeh.batch.testing.Warehouses;
import org.sanjeh.core.event.DecodeResult;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.testbed.ClickHouseServer;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import picocli.CommandLine;

/**
 * Times {@code batch demo} over a warehouse holding the demo's data, without the demo's servers: a
 * ClickHouse of its own on free ports, the events of NDJSON files (what {@code generate --to file}
 * and {@code ingestion import … --out} write), and survey answers for a sample of the solved
 * tickets as the demo's simulated customers give them (3% of solved tickets; low scores likelier
 * when the first reply took over an hour). Dev tooling (docs/benchmarks.md, "batch demo").
 *
 * <p>{@code DemoDataRun FILE.jsonl... -- [batch demo options]}
 */
public final class DemoDataRun {

  private DemoDataRun() {}

  public static void main(String[] args) throws Exception {
    List<Path> files = new ArrayList<>();
    List<String> demo = new ArrayList<>(List.of("demo"));
    boolean options = false;
    for (String arg : args) {
      if (arg.equals("--")) {
        options = true;
      } else if (options) {
        demo.add(arg);
      } else {
        files.add(Path.of(arg));
      }
    }
    Path home = Files.createTempDirectory("sanjeh-demo-run-");
    ClickHouseServer server = ClickHouseServer.start(home, 0, 0);
    try {
      Warehouse warehouse =
          Warehouse.connect(
              new WarehouseConfig(
                  "127.0.0.1", server.httpPort(), "demo_run", "default", server.password()));
      new MigrationRunner(warehouse).migrate(Migrations.sanjehSchema());
      Map<String, List<TicketEvent>> tickets = read(files);
      Warehouses.store(warehouse, new ArrayList<>(tickets.values()));
      int answers = storeSurveys(warehouse, tickets);
      System.err.printf(
          "loaded %,d tickets and %,d survey answers into ClickHouse %d%n",
          tickets.size(), answers, server.httpPort());
      demo.addAll(
          List.of(
              "--clickhouse-http-port=" + server.httpPort(),
              "--clickhouse-database=demo_run",
              "--clickhouse-password-file=" + server.home().resolve("password"),
              "--models=" + home.resolve("models")));
      long start = System.nanoTime();
      int status = new CommandLine(new BatchCommand()).execute(demo.toArray(String[]::new));
      System.err.printf(
          "batch demo exited %d after %.1f s (JVM start and data loading not included)%n",
          status, (System.nanoTime() - start) / 1e9);
    } finally {
      server.stop();
    }
    System.exit(0);
  }

  private static Map<String, List<TicketEvent>> read(List<Path> files) throws IOException {
    TicketEventCodec codec = new TicketEventCodec();
    Map<String, List<TicketEvent>> tickets = new LinkedHashMap<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank()) {
          continue;
        }
        DecodeResult decoded = codec.decode(line);
        if (decoded.event() == null) {
          throw new IllegalArgumentException(file + ": " + decoded.errors());
        }
        tickets
            .computeIfAbsent(decoded.event().ticketId(), t -> new ArrayList<>())
            .add(decoded.event());
      }
    }
    return tickets;
  }

  private static int storeSurveys(Warehouse warehouse, Map<String, List<TicketEvent>> tickets) {
    SplittableRandom random = new SplittableRandom(3);
    List<Object[]> answers = new ArrayList<>();
    for (List<TicketEvent> events : tickets.values()) {
      TicketEvent solved =
          events.stream().filter(e -> e.type() == EventType.RESOLVED).findFirst().orElse(null);
      String customer = events.get(0).customerId();
      if (solved == null || customer == null || random.nextDouble() >= 0.03) {
        continue;
      }
      TicketEvent reply =
          events.stream().filter(TicketEvent::isPublicHumanReply).findFirst().orElse(null);
      boolean slow =
          reply == null
              || Duration.between(events.get(0).occurredAt(), reply.occurredAt()).toHours() >= 1;
      int score =
          random.nextDouble() < (slow ? 0.6 : 0.15) ? 1 + random.nextInt(3) : 4 + random.nextInt(2);
      answers.add(
          new Object[] {
            "inv-" + solved.ticketId(),
            solved.ticketId(),
            customer,
            score,
            solved.occurredAt().plus(Duration.ofHours(3))
          });
    }
    warehouse.insert(
        "survey_invitations",
        List.of("invitation_id", "kind", "ticket_id", "customer_id", "invited_at", "expires_at"),
        out -> {
          for (Object[] a : answers) {
            out.string((String) a[0]);
            out.string("csat");
            out.string((String) a[1]);
            out.string((String) a[2]);
            out.dateTime(((java.time.Instant) a[4]).minus(Duration.ofHours(1)));
            out.dateTime(((java.time.Instant) a[4]).plus(Duration.ofDays(7)));
          }
        });
    warehouse.insert(
        "survey_responses",
        List.of("invitation_id", "kind", "score", "first_answered_at", "answered_at", "version"),
        out -> {
          for (Object[] a : answers) {
            java.time.Instant at = (java.time.Instant) a[4];
            out.string((String) a[0]);
            out.string("csat");
            out.uint8((Integer) a[3]);
            out.dateTime(at);
            out.dateTime(at);
            out.uint64(at.toEpochMilli());
          }
        });
    return answers.size();
  }
}
