package org.sanjeh.survey.invite;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.ingestion.kafka.TestKafka;
import org.sanjeh.survey.link.SurveyLinks;
import org.sanjeh.survey.testing.SettableClock;
import org.sanjeh.testbed.ClickHouseServer;
import org.sanjeh.testbed.LocalKafka;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * The invitation loop under faults, on a real Kafka broker and a ClickHouse server of the test's
 * own that the test stops and starts: it pauses rather than stops, and loses nothing.
 *
 * <p>The topic is shared by the tests and every group reads the others' events too; only this run's
 * tickets and customers are counted.
 */
class ResolvedTicketsOutageIT {

  /** After every other test's resolutions, so those are all due at the first tick. */
  private static final Instant T = Instant.parse("2026-06-01T00:00:00Z");

  @TempDir Path outbox;
  @TempDir Path scratch;
  private Path home;
  private ClickHouseServer server;
  private Warehouse warehouse;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<String> sentTo = new CopyOnWriteArrayList<>();
  private final AtomicBoolean senderDown = new AtomicBoolean();

  private final SettableClock clock = new SettableClock(T);

  private final Sender sender =
      message -> {
        if (senderDown.get()) {
          throw new IllegalStateException("mail server not answering");
        }
        new FolderSender(outbox).send(message);
        if (message.customerId().startsWith(run)) {
          sentTo.add(message.customerId());
        }
      };

  @BeforeEach
  void startClickHouse() throws IOException {
    home = Files.createTempDirectory("sanjeh-clickhouse-invitations-");
    server = ClickHouseServer.start(home, 0, 0);
    warehouse = Warehouse.connect(ClickHouseExtension.config(server, "invitations"));
    new MigrationRunner(warehouse).migrate(Migrations.sanjehSchema());
  }

  @AfterEach
  void stopClickHouse() {
    server.stop();
  }

  @Test
  void aClickHouseOutageThatFillsTheInvitationLogPausesReadingAndEveryDecisionArrivesAfterIt()
      throws Exception {
    LocalKafka broker = TestKafka.shared();
    try (InvitationLog log = new InvitationLog(warehouse, 5)) {
      InvitationService service = service(log, scratch.resolve("unsent"));
      ResolvedTicketsConsumer consumer =
          new ResolvedTicketsConsumer(
              broker.bootstrapServers(), "it-outage-" + run, service, clock);
      Thread thread = new Thread(consumer, "consumer-through-the-outage");
      thread.start();
      try {
        publish(broker, List.of(resolved(0, T.minus(Duration.ofHours(2)))));
        awaitUntil(() -> recorded("survey_invitations") == 1 && consumer.commits() > 0);

        server.stop();
        clock.set(T.plus(Duration.ofHours(1)));
        List<TicketEvent> events = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
          events.add(resolved(i, T.minus(Duration.ofMinutes(30))));
        }
        for (int i = 16; i <= 20; i++) {
          events.add(reopened(i, T.minus(Duration.ofMinutes(20))));
        }
        publish(broker, events);
        awaitUntil(consumer::paused);
        Thread.sleep(3_000); // several ticks and polls with the log full
        assertThat(thread.isAlive()).isTrue();
        assertThat(consumer.paused()).isTrue();
        assertThat(sentTo.size())
            .as("no decision is made that the log cannot take")
            .isLessThanOrEqualTo(1 + 5);

        server = ClickHouseServer.start(home, server.httpPort(), server.tcpPort());
        awaitUntil(() -> recorded("survey_invitations") == 16 && recorded("survey_skips") == 5);
        awaitUntil(() -> !consumer.paused());
        assertThat(thread.isAlive()).isTrue();
        assertThat(consumer.failures()).as("the loop paused, it never failed").isZero();
        assertThat(sentTo).hasSize(16).doesNotHaveDuplicates();
        assertThat(
                warehouse.queryLong(
                    "SELECT uniqExact(ticket_id) FROM survey_invitations WHERE ticket_id LIKE '"
                        + run
                        + "%'"))
            .isEqualTo(16);
      } finally {
        consumer.close();
        thread.join(10_000);
      }
    }
  }

  @Test
  void anUnexpectedFailureIsLoggedOnceWithoutPersonalDataAndTheLoopGoesOnAfterABackOff()
      throws Exception {
    LocalKafka broker = TestKafka.shared();
    Path unsent = scratch.resolve("unsent");
    try (InvitationLog log = new InvitationLog(warehouse);
        CapturedErrors errors = new CapturedErrors()) {
      InvitationService service = service(log, unsent);
      // The fault: the mail server refuses and the folder for unsent invitations is gone (a file
      // in its place), so keeping the invitation throws out of the tick.
      senderDown.set(true);
      Files.delete(unsent);
      Files.writeString(unsent, "not a folder");
      TicketEvent resolution = resolved(1, T.minus(Duration.ofHours(2)));
      ResolvedTicketsConsumer consumer =
          new ResolvedTicketsConsumer(broker.bootstrapServers(), "it-fault-" + run, service, clock);
      Thread thread = new Thread(consumer, "consumer-through-the-fault");
      thread.start();
      try {
        publish(broker, List.of(resolution));
        awaitUntil(() -> consumer.failures() >= 3);
        assertThat(thread.isAlive()).isTrue();
        assertThat(service.awaits(resolution.eventId())).as("not decided, not lost").isTrue();
        assertThat(errors.lines()).hasSize(1);
        assertThat(errors.lines().get(0))
            .contains("java.io.UncheckedIOException")
            .contains("cannot keep unsent invitation in " + unsent)
            .doesNotContain(run);

        Files.delete(unsent);
        Files.createDirectories(unsent);
        senderDown.set(false);
        awaitUntil(() -> sentTo.contains(run + "C-1") && recorded("survey_invitations") == 1);
        assertThat(thread.isAlive()).isTrue();
        assertThat(sentTo).containsExactly(run + "C-1");
        assertThat(errors.lines()).hasSize(1);
      } finally {
        consumer.close();
        thread.join(10_000);
      }
    }
  }

  private long recorded(String table) {
    try {
      return warehouse.queryLong(
          "SELECT count() FROM " + table + " WHERE ticket_id LIKE '" + run + "%'");
    } catch (RuntimeException clickHouseDown) {
      return -1;
    }
  }

  private InvitationService service(InvitationLog log, Path unsent) {
    return new InvitationService(
        InvitationPolicy.defaults(SurveyKind.CSAT),
        new SurveyLinks(
            "a-key-for-the-outage-test-0123456789!".getBytes(StandardCharsets.UTF_8), clock),
        log,
        sender,
        "http://survey.test",
        Duration.ofDays(14),
        unsent);
  }

  private void publish(LocalKafka broker, List<TicketEvent> events) throws Exception {
    TicketEventCodec codec = new TicketEventCodec();
    ResolvedTicketsConsumerIT.publish(
        broker, "one partition " + run, events.stream().map(codec::encodeBytes).toList());
  }

  private TicketEvent resolved(int n, Instant at) {
    return event(n, at, EventType.RESOLVED, "r");
  }

  private TicketEvent reopened(int n, Instant at) {
    return event(n, at, EventType.REOPENED, "o");
  }

  private TicketEvent event(int n, Instant at, EventType type, String kind) {
    return TicketEvent.builder()
        .eventId(run + "e" + kind + n)
        .ticketId(run + "T-" + n)
        .customerId(run + "C-" + n)
        .occurredAt(at)
        .type(type)
        .channel(Channel.EMAIL)
        .authorRole(AuthorRole.AGENT)
        .language("en")
        .team("billing")
        .build();
  }

  private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 90 s");
      }
      Thread.sleep(100);
    }
  }

  /** The consumer's error lines while open. */
  private static final class CapturedErrors implements AutoCloseable {
    private final ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(ResolvedTicketsConsumer.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedErrors() {
      appender.start();
      logger.addAppender(appender);
    }

    List<String> lines() {
      return appender.list.stream()
          .filter(e -> e.getLevel() == Level.ERROR)
          .map(ILoggingEvent::getFormattedMessage)
          .toList();
    }

    @Override
    public void close() {
      logger.detachAppender(appender);
    }
  }
}
