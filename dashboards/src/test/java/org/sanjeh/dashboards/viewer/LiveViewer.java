package org.sanjeh.dashboards.viewer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.util.Hashes;
import org.sanjeh.dashboards.query.SeededWarehouse;
import org.sanjeh.testbed.SyntheticEvents;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import org.sanjeh.warehouse.write.BatchedWriter;
import org.sanjeh.warehouse.write.EventWriter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The viewer as it runs: real HTTP on a free port over a real ClickHouse holding {@link
 * SeededWarehouse}'s warehouse (both dashboards' tables), plus the stored events of one seeded
 * ticket, so its timeline can be opened. The viewer's clock stands on the seed's last local day.
 */
@ExtendWith(ClickHouseExtension.class)
@SpringBootTest(
    classes = {ViewerApplication.class, LiveViewer.SeedClock.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class LiveViewer {

  public static final String KEY = "viewer-test-key-0123456789";
  public static final LocalDate LAST_DAY = SeededWarehouse.LAST_DAY;
  public static final String SEED_DAYS = "from=" + SeededWarehouse.FIRST_DAY + "&to=" + LAST_DAY;

  protected static final SeededWarehouse SEED = new SeededWarehouse();

  /** The seeded ticket whose events are stored too (the first of the seed's tickets). */
  protected static final String TICKET_WITH_EVENTS = SEED.ticketIds().get(0);

  private static WarehouseConfig warehouse;

  /** The seeded warehouse, for a test that adds rows of its own. */
  protected static Warehouse seededWarehouse() {
    return Warehouse.connect(warehouse);
  }

  @LocalServerPort protected int port;
  protected final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void seed(Warehouse seeded) {
    warehouse = seeded.config();
    SEED.writeTo(seeded);
    writeEventsOf(TICKET_WITH_EVENTS, seeded);
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("sanjeh.viewer.api-keys", () -> "test:" + Hashes.sha256Hex(KEY));
    registry.add("sanjeh.viewer.business-timezone", () -> SeededWarehouse.ZONE.getId());
    registry.add("sanjeh.viewer.clickhouse-http-port", () -> warehouse.httpPort());
    registry.add("sanjeh.viewer.clickhouse-database", () -> warehouse.database());
    registry.add("sanjeh.viewer.clickhouse-password", () -> warehouse.password());
  }

  /** One synthetic ticket lifecycle (created, replies, a pause, solved) under a seeded id. */
  private static void writeEventsOf(String ticketId, Warehouse warehouse) {
    Instant start = SeededWarehouse.FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    List<TicketEvent> events = new ArrayList<>();
    SyntheticEvents.ofTickets(14, 1, start, 1).forEachRemaining(events::add);
    try (EventWriter writer =
        new EventWriter(
            warehouse, BatchedWriter.Settings.DEFAULTS, SeededWarehouse.ZONE, Clock.systemUTC())) {
      for (TicketEvent e : events) {
        writer.add(
            new TicketEvent(
                ticketId + "-" + e.eventId(),
                ticketId,
                e.occurredAt(),
                e.type(),
                e.channel(),
                e.authorRole(),
                e.authorId(),
                e.customerId(),
                e.agentId(),
                e.team(),
                e.priority(),
                e.status(),
                e.customerTier(),
                e.language(),
                e.subject(),
                e.body(),
                e.tags(),
                e.sourceSystem(),
                e.sourceRef(),
                e.mergedInto()));
      }
      writer.flush();
    }
    // the ticket's row stands for the moment after its last event, as the job would leave it
    Instant last = events.get(events.size() - 1).occurredAt();
    SEED.restampTicket(warehouse, ticketId, last.plusSeconds(60).toEpochMilli() * 1000);
  }

  protected URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  protected HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  protected HttpResponse<String> api(String pathAndQuery) throws Exception {
    return get(pathAndQuery, "X-Api-Key", KEY);
  }

  /** The seed's last local day at noon in Tehran: "today" for the today-and-yesterday charts. */
  @TestConfiguration(proxyBeanMethods = false)
  static class SeedClock {
    @Bean
    @Primary
    Clock seedClock() {
      return Clock.fixed(
          LAST_DAY.atTime(12, 0).atZone(SeededWarehouse.ZONE).toInstant(), ZoneOffset.UTC);
    }
  }
}
