package org.sanjeh.survey;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.sanjeh.core.event.Channel;
import org.sanjeh.survey.invite.ChannelSenders;
import org.sanjeh.survey.invite.FolderSender;
import org.sanjeh.survey.invite.InvitationLog;
import org.sanjeh.survey.invite.InvitationPolicy;
import org.sanjeh.survey.invite.InvitationService;
import org.sanjeh.survey.invite.ResolvedTicketsConsumer;
import org.sanjeh.survey.invite.Sender;
import org.sanjeh.survey.invite.SmtpSender;
import org.sanjeh.survey.invite.TelegramSender;
import org.sanjeh.survey.invite.WarehouseRecipients;
import org.sanjeh.survey.invite.WhatsAppSender;
import org.sanjeh.survey.link.SurveyLinks;
import org.sanjeh.survey.response.AnswerPublisher;
import org.sanjeh.survey.response.ResponseSpool;
import org.sanjeh.survey.response.ResponseStore;
import org.sanjeh.survey.response.Responses;
import org.sanjeh.warehouse.Warehouse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Wires the links, the answer store and its spool, and moves the spool into ClickHouse every
 * second.
 */
@Configuration(proxyBeanMethods = false)
class SurveyConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The link keys: {@code signing-keys} ({@code id:secret}, the first signs) or the single {@code
   * signing-key}. Missing or short keys stop the start with the variable to set.
   */
  @Bean
  SurveyLinks surveyLinks(SurveyProperties properties, Clock clock) {
    return new SurveyLinks(
        SurveyLinks.keysFromConfiguration(properties.signingKeys(), properties.signingKey()),
        clock,
        properties.formValidity());
  }

  @Bean
  Warehouse warehouse(SurveyProperties properties) {
    // Lazy: the answer pages must come up while ClickHouse is down; the spool takes the answers.
    return Warehouse.lazy(properties.warehouse());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression("'${sanjeh.survey.kafka-bootstrap-servers:}' != ''")
  AnswerPublisher answerPublisher(SurveyProperties properties) {
    return new AnswerPublisher(properties.kafkaBootstrapServers());
  }

  @Bean
  Responses responses(
      SurveyProperties properties,
      Warehouse warehouse,
      Clock clock,
      org.springframework.beans.factory.ObjectProvider<AnswerPublisher> publisher) {
    return new Responses(
            new ResponseSpool(properties.spool()),
            new ResponseStore(warehouse),
            properties.editWindow(),
            clock,
            properties.linkValidity())
        .alsoPublishTo(publisher.getIfAvailable());
  }

  @Bean(destroyMethod = "close")
  InvitationLog invitationLog(Warehouse warehouse) {
    return new InvitationLog(warehouse);
  }

  /**
   * Telegram and WhatsApp tickets through their APIs when tokens are configured; everything else by
   * e-mail through SMTP when a server is configured, else into the demo's outbox folder.
   */
  @Bean
  Sender invitationSender(SurveyProperties properties, Warehouse warehouse) {
    WarehouseRecipients recipients = new WarehouseRecipients(warehouse);
    Sender fallback =
        properties.smtpHost().isEmpty()
            ? new FolderSender(properties.outbox())
            : new SmtpSender(properties.smtp(), recipients);
    Map<Channel, Sender> chat = new EnumMap<>(Channel.class);
    if (!properties.telegramBotToken().isEmpty()) {
      chat.put(
          Channel.TELEGRAM,
          new TelegramSender(
              properties.telegramApiUrl(), properties.telegramBotToken(), recipients));
    }
    if (!properties.whatsappAccessToken().isEmpty()
        && !properties.whatsappPhoneNumberId().isEmpty()) {
      chat.put(
          Channel.WHATSAPP,
          new WhatsAppSender(
              properties.whatsappApiUrl(),
              properties.whatsappPhoneNumberId(),
              properties.whatsappAccessToken(),
              recipients));
    }
    return new ChannelSenders(chat, fallback);
  }

  /** Invitations from the event stream, when Kafka is configured. */
  @Bean(destroyMethod = "close")
  @ConditionalOnExpression("'${sanjeh.survey.kafka-bootstrap-servers:}' != ''")
  ResolvedTicketsConsumer resolvedTicketsConsumer(
      SurveyProperties properties,
      SurveyLinks links,
      InvitationLog log,
      Sender sender,
      Clock clock) {
    InvitationPolicy defaults = InvitationPolicy.defaults(properties.kind());
    InvitationPolicy policy =
        new InvitationPolicy(
            properties.kind(),
            properties.inviteDelay(),
            defaults.channels(),
            defaults.teams(),
            defaults.maxPerCustomer(),
            defaults.fatigueWindow(),
            properties.sampleShare());
    InvitationService service =
        new InvitationService(
            policy,
            links,
            log,
            sender,
            properties.baseUrl(),
            properties.linkValidity(),
            properties.unsent());
    ResolvedTicketsConsumer consumer =
        new ResolvedTicketsConsumer(properties.kafkaBootstrapServers(), service, clock);
    Thread thread = new Thread(consumer, "survey-invitations");
    thread.setDaemon(true);
    thread.start();
    return consumer;
  }

  @Bean
  SpoolFlusher spoolFlusher(Responses responses) {
    return new SpoolFlusher(responses);
  }

  /** Every second, spooled answers go to ClickHouse; while it is down they wait in the spool. */
  static final class SpoolFlusher {
    private final Responses responses;

    SpoolFlusher(Responses responses) {
      this.responses = responses;
    }

    @Scheduled(fixedDelay = 1000)
    void flush() {
      try {
        responses.flush();
      } catch (RuntimeException clickHouseDown) {
        org.slf4j.LoggerFactory.getLogger(SpoolFlusher.class)
            .warn("answers stay spooled: {}", clickHouseDown.getMessage());
      }
    }
  }
}
