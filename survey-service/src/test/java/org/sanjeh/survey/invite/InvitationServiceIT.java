package org.sanjeh.survey.invite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.survey.link.SurveyLinks;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/** From resolved tickets to invitations: links, messages in the outbox, records in ClickHouse. */
@ExtendWith(ClickHouseExtension.class)
class InvitationServiceIT {

  private static final Instant T0 = Instant.parse("2026-05-08T10:00:00Z");
  @TempDir Path outbox;
  @TempDir Path unsentFolder;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private int id;

  @Test
  void resolvedTicketsBecomeInvitationsWithOneClickLinksAndSkipsAreExplained(Warehouse warehouse)
      throws Exception {
    InvitationService service;
    try (InvitationLog log = new InvitationLog(warehouse)) {
      service = service(log, new FolderSender(outbox));
      service.onEvent(resolved("T-1", "C-1", Channel.WHATSAPP, "fa"));
      service.onEvent(resolved("T-2", "C-2", Channel.EMAIL, "en"));
      service.onEvent(event("T-2", "C-2", T0.plus(Duration.ofMinutes(10)), EventType.REOPENED));
      service.onEvent(resolved("T-3", "C-1", Channel.EMAIL, "en")); // same customer as T-1: fatigue

      assertThat(service.tick(T0.plus(Duration.ofHours(2)))).isEqualTo(1);
    }

    try (var files = Files.list(outbox)) {
      assertThat(files.map(f -> f.getFileName().toString().replaceAll("^[^.]+", "ID")))
          .containsExactlyInAnyOrder("ID.html", "ID.txt");
    }
    Path html =
        Files.list(outbox).filter(f -> f.toString().endsWith(".html")).findFirst().orElseThrow();
    String mail = Files.readString(html);
    assertThat(mail).contains("dir=\"rtl\"").contains(">۵</a>").contains("&amp;score=5");
    String link = mail.substring(mail.indexOf("http://survey.test/s/"), mail.indexOf("?lang=fa"));
    assertThat(links.verify(link.substring(link.lastIndexOf('/') + 1)).kind())
        .isEqualTo(SurveyKind.CSAT);

    assertThat(
            warehouse.query(
                "SELECT ticket_id, channel, language FROM survey_invitations FINAL WHERE ticket_id LIKE '"
                    + run
                    + "%'",
                r -> r.getString(1) + " " + r.getString(2) + " " + r.getString(3)))
        .containsExactly(run + "T-1 whatsapp fa");
    assertThat(
            warehouse.query(
                "SELECT ticket_id, reason FROM survey_skips WHERE ticket_id LIKE '"
                    + run
                    + "%' ORDER BY ticket_id",
                r -> r.getString(1) + ": " + r.getString(2)))
        .containsExactly(
            run + "T-2: reopened after it was solved",
            run + "T-3: customer already invited 1 time(s) within PT168H");
  }

  @Test
  void aMessageTheSenderRefusesIsKeptAndSentAtALaterTickWithTheSameLink(Warehouse warehouse)
      throws Exception {
    FolderSender folder = new FolderSender(outbox);
    List<String> refused = new ArrayList<>();
    Sender downTwice =
        message -> {
          if (refused.size() < 2) {
            refused.add(message.invitationId());
            throw new IllegalStateException("mail server not answering");
          }
          folder.send(message);
        };
    try (InvitationLog log = new InvitationLog(warehouse)) {
      InvitationService service = service(log, downTwice);
      service.onEvent(resolved("T-9", "C-9", Channel.EMAIL, "en"));

      Instant due = T0.plus(Duration.ofHours(2));
      assertThat(service.tick(due)).isZero();
      assertThat(service.tick(due.plusSeconds(1))).as("1 s after the first failure").isZero();
      assertThat(service.unsent()).isEqualTo(1);
      assertThat(service.tick(due.plusSeconds(2))).as("waits 2 s after the second").isZero();
      assertThat(service.tick(due.plusSeconds(3))).isEqualTo(1);
      assertThat(service.unsent()).isZero();
      assertThat(service.tick(due.plusSeconds(4))).isZero();
      assertThat(service.invited()).isEqualTo(1);
    }

    assertThat(refused).hasSize(2).containsOnly(refused.get(0));
    assertThat(outbox.resolve(refused.get(0) + ".html")).exists();
    assertThat(
            warehouse.query(
                "SELECT invitation_id FROM survey_invitations FINAL WHERE ticket_id = '"
                    + run
                    + "T-9'",
                r -> r.getString(1)))
        .containsExactly(refused.get(0));
  }

  @Test
  void aRefusedMessageSurvivesARestartAndIsSentByTheNextRun(Warehouse warehouse) throws Exception {
    String refusedId;
    try (InvitationLog log = new InvitationLog(warehouse)) {
      List<String> refused = new ArrayList<>();
      InvitationService first =
          service(
              log,
              message -> {
                refused.add(message.invitationId());
                throw new IllegalStateException("mail server not answering");
              });
      first.onEvent(resolved("T-7", "C-7", Channel.EMAIL, "en"));
      assertThat(first.tick(T0.plus(Duration.ofHours(2)))).isZero();
      refusedId = refused.get(0);
      assertThat(unsentFolder.resolve(refusedId + ".json")).exists();

      // a new process: nothing in memory, the planner has no resolution to act on
      InvitationService second = service(log, new FolderSender(outbox));
      assertThat(second.unsent()).isEqualTo(1);
      assertThat(second.tick(T0.plus(Duration.ofHours(3)))).isEqualTo(1);
      assertThat(second.unsent()).isZero();
    }

    assertThat(unsentFolder.resolve(refusedId + ".json")).doesNotExist();
    assertThat(Files.readString(outbox.resolve(refusedId + ".html")))
        .contains("http://survey.test/s/");
    assertThat(
            warehouse.query(
                "SELECT invitation_id, ticket_id FROM survey_invitations FINAL WHERE ticket_id = '"
                    + run
                    + "T-7'",
                r -> r.getString(1) + " " + r.getString(2)))
        .containsExactly(refusedId + " " + run + "T-7");
  }

  @Test
  void anUndeliverableInvitationIsRecordedAsASkipWithItsReasonAndNotRetried(Warehouse warehouse)
      throws Exception {
    Sender noAddress =
        message -> {
          throw new Sender.Undeliverable("no e-mail address known for customer " + run + "C-8");
        };
    try (InvitationLog log = new InvitationLog(warehouse)) {
      InvitationService service = service(log, noAddress);
      service.onEvent(resolved("T-8", "C-8", Channel.EMAIL, "en"));

      assertThat(service.tick(T0.plus(Duration.ofHours(2)))).isZero();
      assertThat(service.unsent()).isZero();
      assertThat(service.skipped()).isEqualTo(1);
      assertThat(service.invited()).isZero();
    }
    assertThat(
            warehouse.query(
                "SELECT reason FROM survey_skips WHERE ticket_id = '" + run + "T-8'",
                r -> r.getString(1)))
        .containsExactly("no e-mail address known for customer " + run + "C-8");
    assertThat(
            warehouse.query(
                "SELECT count() FROM survey_invitations WHERE ticket_id = '" + run + "T-8'",
                r -> r.getLong(1)))
        .containsExactly(0L);
  }

  private final SurveyLinks links =
      new SurveyLinks(
          "a-signing-key-for-the-invitation-test!".getBytes(StandardCharsets.UTF_8),
          Clock.systemUTC());

  @Test
  void aPermanentSmtpRefusalIsASkipWithItsReasonTriedOnceAndTheAddressIsNeverLogged(
      Warehouse warehouse) throws Exception {
    String address = run + "@unknown.example";
    try (ScriptedSmtpServer smtp =
            new ScriptedSmtpServer("550 5.1.1 <" + address + ">: Recipient address rejected");
        InvitationLog log = new InvitationLog(warehouse);
        CapturedLogs logs = new CapturedLogs()) {
      InvitationService service = service(log, smtpSender(smtp, address));
      service.onEvent(resolved("T-550", "C-550", Channel.EMAIL, "en"));

      Instant due = T0.plus(Duration.ofHours(2));
      for (int second = 0; second < 5; second++) {
        assertThat(service.tick(due.plusSeconds(second))).isZero();
      }
      log.flush();

      assertThat(smtp.recipientAttempts()).isEqualTo(1);
      assertThat(service.unsent()).isZero();
      assertThat(service.skipped()).isEqualTo(1);
      assertThat(
              warehouse.query(
                  "SELECT reason FROM survey_skips WHERE ticket_id = '" + run + "T-550'",
                  r -> r.getString(1)))
          .singleElement()
          .satisfies(
              reason ->
                  assertThat(reason)
                      .contains("refused the invitation permanently (SMTP 550)")
                      .doesNotContain(address));
      assertThat(logs.text()).doesNotContain(address);
    }
  }

  @Test
  void aTemporarySmtpRefusalIsTriedAgainWithExponentialBackOffAndTheAddressIsNeverLogged(
      Warehouse warehouse) throws Exception {
    String address = run + "@busy.example";
    try (ScriptedSmtpServer smtp =
            new ScriptedSmtpServer("451 4.7.1 <" + address + ">: greylisted, try again later");
        InvitationLog log = new InvitationLog(warehouse);
        CapturedLogs logs = new CapturedLogs()) {
      InvitationService service = service(log, smtpSender(smtp, address));
      service.onEvent(resolved("T-451", "C-451", Channel.EMAIL, "en"));

      Instant due = T0.plus(Duration.ofHours(2));
      for (int second = 0; second <= 16; second++) {
        service.tick(due.plusSeconds(second));
      }

      assertThat(smtp.recipientAttempts())
          .as("attempts at 0, 1, 3, 7 and 15 s: the wait doubles")
          .isEqualTo(5);
      assertThat(service.unsent()).isEqualTo(1);
      assertThat(service.skipped()).isZero();
      assertThat(logs.text()).contains("SMTP 451").doesNotContain(address);
    }
  }

  @Test
  void aTelegramFailureRestsOnlyTelegramAndEMailInvitationsGoOnBeingSent(Warehouse warehouse)
      throws Exception {
    FolderSender email = new FolderSender(outbox);
    List<String> telegramAttempts = new ArrayList<>();
    Sender telegramDown =
        message -> {
          telegramAttempts.add(message.invitationId());
          throw new IllegalStateException("Telegram API not answering");
        };
    try (InvitationLog log = new InvitationLog(warehouse)) {
      InvitationService service =
          service(log, new ChannelSenders(java.util.Map.of(Channel.TELEGRAM, telegramDown), email));
      service.onEvent(resolved("T-tg", "C-tg", Channel.TELEGRAM, "en"));
      service.onEvent(resolved("T-mail-1", "C-mail-1", Channel.EMAIL, "en"));
      Instant due = T0.plus(Duration.ofHours(2));
      assertThat(service.tick(due)).as("the e-mail after the Telegram failure").isEqualTo(1);

      service.onEvent(resolved("T-tg-2", "C-tg-2", Channel.TELEGRAM, "en"));
      service.onEvent(resolved("T-mail-2", "C-mail-2", Channel.EMAIL, "en"));
      assertThat(service.tick(due.plusMillis(500)))
          .as("Telegram rests for 1 s, e-mail does not")
          .isEqualTo(1);
      assertThat(telegramAttempts).hasSize(1);
      assertThat(service.unsent()).isEqualTo(2);
    }
    assertThat(
            warehouse.query(
                "SELECT ticket_id FROM survey_invitations FINAL WHERE ticket_id LIKE '"
                    + run
                    + "%' ORDER BY ticket_id",
                r -> r.getString(1)))
        .containsExactly(run + "T-mail-1", run + "T-mail-2");
  }

  private static SmtpSender smtpSender(ScriptedSmtpServer smtp, String address) {
    return new SmtpSender(
        new SmtpSender.Settings("127.0.0.1", smtp.port(), false, "survey@sanjeh.test", "", ""),
        customer -> java.util.Optional.of(address));
  }

  /** What the invitation service logs while it is open. */
  private static final class CapturedLogs implements AutoCloseable {
    private final ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(InvitationService.class);
    private final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>
        appender = new ch.qos.logback.core.read.ListAppender<>();

    CapturedLogs() {
      appender.start();
      logger.addAppender(appender);
    }

    String text() {
      return String.join(
          "\n",
          appender.list.stream()
              .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
              .toList());
    }

    @Override
    public void close() {
      logger.detachAppender(appender);
    }
  }

  private InvitationService service(InvitationLog log, Sender sender) {
    return new InvitationService(
        InvitationPolicy.defaults(SurveyKind.CSAT),
        links,
        log,
        sender,
        "http://survey.test",
        Duration.ofDays(14),
        unsentFolder);
  }

  private TicketEvent resolved(String ticket, String customer, Channel channel, String language) {
    return event(ticket, customer, T0, EventType.RESOLVED).toBuilder()
        .channel(channel)
        .language(language)
        .team("billing")
        .build();
  }

  private TicketEvent event(String ticket, String customer, Instant at, EventType type) {
    return TicketEvent.builder()
        .eventId(run + "e" + (++id))
        .ticketId(run + ticket)
        .customerId(run + customer)
        .occurredAt(at)
        .type(type)
        .channel(Channel.EMAIL)
        .authorRole(AuthorRole.AGENT)
        .build();
  }
}
