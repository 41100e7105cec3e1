package org.sanjeh.survey.invite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.ingestion.kafka.TestKafka;
import org.sanjeh.ingestion.kafka.Topics;
import org.sanjeh.survey.link.SurveyLinks;
import org.sanjeh.testbed.LocalKafka;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * The path the demo runs: ticket events on a real Kafka broker, read by the consumer, become
 * invitations in the outbox and in ClickHouse. A record that is not a ticket event is passed over
 * without stopping the stream, and an event delivered twice invites once.
 */
@ExtendWith(ClickHouseExtension.class)
class ResolvedTicketsConsumerIT {

  private static final Instant RESOLVED_AT = Instant.parse("2026-05-08T10:00:00Z");
  @TempDir Path outbox;
  @TempDir Path unsentFolder;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  /**
   * Customers of this test's run who were sent an invitation. The topic is shared by the tests, and
   * each test's consumer group reads the others' events too; these are left out.
   */
  private final List<String> sentTo = new java.util.concurrent.CopyOnWriteArrayList<>();

  private final Sender thisRunsMessages =
      message -> {
        new FolderSender(outbox).send(message);
        if (message.customerId().startsWith(run)) {
          sentTo.add(message.customerId());
        }
      };

  @Test
  void resolvedTicketsOnKafkaBecomeInvitations(Warehouse warehouse) throws Exception {
    LocalKafka broker = TestKafka.shared();
    // Two hours after the resolutions, so the policy's delay has passed at the first tick.
    Clock later = Clock.fixed(RESOLVED_AT.plus(Duration.ofHours(2)), ZoneOffset.UTC);
    try (InvitationLog log = new InvitationLog(warehouse)) {
      TicketEvent first = resolved("T-1", "C-1", "e1");
      publish(
          broker,
          List.of(
              codecBytes(first),
              "{\"not\":\"a ticket event\"}".getBytes(StandardCharsets.UTF_8),
              codecBytes(first), // delivered twice
              codecBytes(resolved("T-2", "C-2", "e2"))));

      InvitationService service =
          new InvitationService(
              InvitationPolicy.defaults(SurveyKind.CSAT),
              new SurveyLinks(
                  "a-key-for-the-consumer-test-0123456789".getBytes(StandardCharsets.UTF_8), later),
              log,
              thisRunsMessages,
              "http://survey.test",
              Duration.ofDays(14),
              unsentFolder);
      try (ResolvedTicketsConsumer consumer =
          new ResolvedTicketsConsumer(broker.bootstrapServers(), service, later)) {
        Thread thread = new Thread(consumer, "consumer-under-test");
        thread.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (sentTo.size() < 2 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        Thread.sleep(1_500); // one more tick: the duplicate must not produce a third invitation
        consumer.close();
        thread.join(10_000);

        assertThat(sentTo).containsExactlyInAnyOrder(run + "C-1", run + "C-2");
        assertThat(consumer.undecodable()).isEqualTo(1);
      }
    }
    assertThat(
            warehouse.query(
                "SELECT ticket_id FROM survey_invitations FINAL WHERE ticket_id LIKE '"
                    + run
                    + "%' ORDER BY ticket_id",
                r -> r.getString(1)))
        .containsExactly(run + "T-1", run + "T-2");
  }

  @Test
  void aResolutionStillWaitingForItsDelayIsInvitedAfterARestart(Warehouse warehouse)
      throws Exception {
    LocalKafka broker = TestKafka.shared();
    String group = "it-restart-" + run;
    TicketEvent resolution = resolved("T-R", "C-R", "eR");
    publish(broker, List.of(codecBytes(resolution)));

    Clock beforeTheDelay = Clock.fixed(RESOLVED_AT.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
    try (InvitationLog log = new InvitationLog(warehouse)) {
      InvitationService first = service(log, beforeTheDelay);
      ResolvedTicketsConsumer consumer =
          new ResolvedTicketsConsumer(broker.bootstrapServers(), group, first, beforeTheDelay);
      Thread thread = new Thread(consumer, "consumer-before-restart");
      thread.start();
      awaitUntil(() -> first.awaits(resolution.eventId()) && consumer.commits() > 0);
      consumer.close(); // the restart, an hour before the invitation is due
      thread.join(10_000);
      assertThat(first.invited()).isZero();
    }

    Clock afterTheDelay = Clock.fixed(RESOLVED_AT.plus(Duration.ofHours(2)), ZoneOffset.UTC);
    try (InvitationLog log = new InvitationLog(warehouse)) {
      InvitationService second = service(log, afterTheDelay);
      try (ResolvedTicketsConsumer consumer =
          new ResolvedTicketsConsumer(broker.bootstrapServers(), group, second, afterTheDelay)) {
        Thread thread = new Thread(consumer, "consumer-after-restart");
        thread.start();
        awaitUntil(
            () ->
                !warehouse
                    .query(
                        "SELECT ticket_id FROM survey_invitations WHERE ticket_id = '"
                            + run
                            + "T-R'",
                        r -> r.getString(1))
                    .isEmpty());
        consumer.close();
        thread.join(10_000);
      }
    }
  }

  @Test
  void aResolutionDecidedBeforeARestartAndReadAgainAfterItIsInvitedExactlyOnce(Warehouse warehouse)
      throws Exception {
    LocalKafka broker = TestKafka.shared();
    String group = "it-reread-" + run;
    // The first waits for its delay; the second, behind it on the topic, is decided at once.
    TicketEvent waits = resolved("T-W", "C-W", "eW").toBuilder().occurredAt(RESOLVED_AT).build();
    TicketEvent decided =
        resolved("T-D", "C-D", "eD").toBuilder()
            .occurredAt(RESOLVED_AT.minus(Duration.ofHours(2)))
            .build();
    publish(broker, "one partition " + run, List.of(codecBytes(waits), codecBytes(decided)));

    Clock between = Clock.fixed(RESOLVED_AT.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
    try (InvitationLog log = new InvitationLog(warehouse)) {
      InvitationService first = service(log, between);
      ResolvedTicketsConsumer consumer =
          new ResolvedTicketsConsumer(broker.bootstrapServers(), group, first, between);
      Thread thread = new Thread(consumer, "consumer-before-restart");
      thread.start();
      awaitUntil(() -> sentTo.contains(run + "C-D") && consumer.commits() > 0);
      consumer.close(); // the group's offset stays at the waiting resolution, before T-D
      thread.join(10_000);
    }
    assertThat(invitationsOf(warehouse, "T-D")).isOne();

    Clock afterTheDelay = Clock.fixed(RESOLVED_AT.plus(Duration.ofHours(2)), ZoneOffset.UTC);
    InvitationService second;
    try (InvitationLog log = new InvitationLog(warehouse)) {
      second = service(log, afterTheDelay);
      try (ResolvedTicketsConsumer consumer =
          new ResolvedTicketsConsumer(broker.bootstrapServers(), group, second, afterTheDelay)) {
        Thread thread = new Thread(consumer, "consumer-after-restart");
        thread.start();
        awaitUntil(() -> sentTo.contains(run + "C-W") && second.decided(decided.eventId()));
        consumer.close();
        thread.join(10_000);
      }
    }

    assertThat(sentTo).containsExactly(run + "C-D", run + "C-W");
    assertThat(invitationsOf(warehouse, "T-W")).isOne();
    assertThat(invitationsOf(warehouse, "T-D")).as("not invited again").isOne();
  }

  @Test
  void anInvitationKeptOnDiskBeforeARestartIsNotDecidedAgainWhenItsResolutionIsReadAgain(
      Warehouse warehouse) throws Exception {
    LocalKafka broker = TestKafka.shared();
    String group = "it-kept-" + run;
    TicketEvent resolution = resolved("T-K", "C-K", "eK");
    publish(broker, List.of(codecBytes(resolution)));
    Clock later = Clock.fixed(RESOLVED_AT.plus(Duration.ofHours(2)), ZoneOffset.UTC);

    try (InvitationLog log = new InvitationLog(warehouse)) {
      Sender down =
          message -> {
            throw new IllegalStateException("mail server not answering");
          };
      InvitationService first = service(log, later, down);
      // A crash after the invitation was kept on disk, before its offset was committed: the
      // service alone, no consumer to commit.
      first.onEvent(resolution);
      first.tick(later.instant());
      assertThat(first.unsent()).isOne();
    }

    try (InvitationLog log = new InvitationLog(warehouse)) {
      InvitationService second = service(log, later);
      try (ResolvedTicketsConsumer consumer =
          new ResolvedTicketsConsumer(broker.bootstrapServers(), group, second, later)) {
        Thread thread = new Thread(consumer, "consumer-after-crash");
        thread.start();
        awaitUntil(() -> sentTo.contains(run + "C-K") && second.decided(resolution.eventId()));
        consumer.close();
        thread.join(10_000);
      }
    }
    assertThat(sentTo).as("the kept one, sent once").containsExactly(run + "C-K");
    assertThat(invitationsOf(warehouse, "T-K")).isOne();
  }

  private long invitationsOf(Warehouse warehouse, String ticket) {
    return warehouse.queryLong(
        "SELECT count() FROM survey_invitations WHERE ticket_id = '" + run + ticket + "'");
  }

  private InvitationService service(InvitationLog log, Clock clock) {
    return service(log, clock, thisRunsMessages);
  }

  private InvitationService service(InvitationLog log, Clock clock, Sender sender) {
    return new InvitationService(
        InvitationPolicy.defaults(SurveyKind.CSAT),
        new SurveyLinks(
            "a-key-for-the-consumer-test-0123456789".getBytes(StandardCharsets.UTF_8), clock),
        log,
        sender,
        "http://survey.test",
        Duration.ofDays(14),
        unsentFolder);
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 60 s");
      }
      Thread.sleep(100);
    }
  }

  private static byte[] codecBytes(TicketEvent event) {
    return new TicketEventCodec().encodeBytes(event);
  }

  private static void publish(LocalKafka broker, List<byte[]> values) throws Exception {
    publish(broker, null, values);
  }

  /** Records with the same key go to the same partition, in order. */
  static void publish(LocalKafka broker, String key, List<byte[]> values) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (byte[] value : values) {
        producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS, key, value)).get();
      }
    }
  }

  private TicketEvent resolved(String ticket, String customer, String eventId) {
    return TicketEvent.builder()
        .eventId(run + eventId)
        .ticketId(run + ticket)
        .customerId(run + customer)
        .occurredAt(RESOLVED_AT)
        .type(EventType.RESOLVED)
        .channel(Channel.EMAIL)
        .authorRole(AuthorRole.AGENT)
        .language("en")
        .team("billing")
        .build();
  }
}
