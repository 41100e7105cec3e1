package org.sanjeh.survey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.sanjeh.survey.invite.SmtpSender;
import org.sanjeh.warehouse.WarehouseConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The survey service's settings ({@code sanjeh.survey.*}). Secrets come from the environment:
 * {@code SANJEH_SURVEY_SIGNINGKEY} (at least 32 characters; or {@code SANJEH_SURVEY_SIGNINGKEYS},
 * {@code id:secret} pairs, the first signing, all verifying, to rotate keys) and {@code
 * SANJEH_SURVEY_APIKEYS} ({@code source:sha256-of-key} pairs for the invitation and scores APIs).
 *
 * @param baseUrl how customers reach the answer pages, for the links in invitations
 * @param kafkaBootstrapServers where resolved tickets come from; empty: invitations only by API
 * @param kind the survey sent after resolution
 * @param outbox where the local sender writes the messages
 * @param unsent where invitations the sender refused wait, on disk, to be sent again
 * @param smtpHost an SMTP server for e-mail invitations; empty (the default): the folder sender.
 *     The password comes from {@code SANJEH_SURVEY_SMTPPASSWORD}
 * @param telegramBotToken a Telegram bot's token: Telegram tickets are then invited by the bot
 *     ({@code SANJEH_SURVEY_TELEGRAMBOTTOKEN}); empty: they go the default way
 * @param whatsappAccessToken with {@code whatsappPhoneNumberId}: WhatsApp tickets are invited
 *     through the WhatsApp Cloud API ({@code SANJEH_SURVEY_WHATSAPPACCESSTOKEN})
 * @param formValidity how long an answer page's form is accepted after it was rendered
 * @param trustedProxies addresses of the reverse proxies in front of this service: only from these
 *     is {@code X-Forwarded-For} believed; empty (the default): the peer address counts
 * @param rateLimitKeys how many links and addresses the rate limiter remembers at most
 */
@Validated
@ConfigurationProperties("sanjeh.survey")
public record SurveyProperties(
    @DefaultValue("") String signingKey,
    @DefaultValue("http://127.0.0.1:18090") String baseUrl,
    @DefaultValue("14d") Duration linkValidity,
    @DefaultValue("24h") Duration editWindow,
    @DefaultValue("var/survey/spool") Path spool,
    @DefaultValue List<String> apiKeys,
    @DefaultValue("") String kafkaBootstrapServers,
    @DefaultValue("CSAT") org.sanjeh.core.survey.SurveyKind kind,
    @DefaultValue("1h") Duration inviteDelay,
    @DefaultValue("1.0") double sampleShare,
    @DefaultValue("var/survey/outbox") Path outbox,
    @DefaultValue("var/survey/unsent") Path unsent,
    @DefaultValue("") String smtpHost,
    @DefaultValue("587") int smtpPort,
    @DefaultValue("true") boolean smtpStartTls,
    @DefaultValue("survey@localhost") String smtpFrom,
    @DefaultValue("") String smtpUser,
    @DefaultValue("") String smtpPassword,
    @DefaultValue("https://api.telegram.org") String telegramApiUrl,
    @DefaultValue("") String telegramBotToken,
    @DefaultValue("https://graph.facebook.com/v21.0") String whatsappApiUrl,
    @DefaultValue("") String whatsappPhoneNumberId,
    @DefaultValue("") String whatsappAccessToken,
    @DefaultValue("30") int requestsPerLinkPerMinute,
    @DefaultValue("300") int requestsPerAddressPerMinute,
    @DefaultValue("127.0.0.1") String clickhouseHost,
    @DefaultValue("18123") int clickhouseHttpPort,
    @DefaultValue("sanjeh") String clickhouseDatabase,
    @DefaultValue("default") String clickhouseUser,
    @DefaultValue("") String clickhousePassword,
    @DefaultValue List<String> signingKeys,
    @DefaultValue("4h") Duration formValidity,
    @DefaultValue List<String> trustedProxies,
    @DefaultValue("100000") @Min(1000) int rateLimitKeys,
    @DefaultValue @Valid Brand brand) {

  /**
   * What customers recognise on the answer pages.
   *
   * @param name the business's name, shown above the question
   * @param logoUrl a logo image ({@code https:} or a path on this service); empty: none
   * @param colour the accent colour of buttons and the header, {@code #rrggbb}
   */
  public record Brand(
      @DefaultValue("Sanjeh") @NotBlank String name,
      @DefaultValue("")
          @Pattern(
              regexp = "|/[^\\s]*|https://[^\\s]+",
              message = "must be empty, a path or an https URL")
          String logoUrl,
      @DefaultValue("#14427f") @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be #rrggbb")
          String colour) {}

  public SmtpSender.Settings smtp() {
    return new SmtpSender.Settings(
        smtpHost, smtpPort, smtpStartTls, smtpFrom, smtpUser, smtpPassword);
  }

  public WarehouseConfig warehouse() {
    return new WarehouseConfig(
        clickhouseHost, clickhouseHttpPort, clickhouseDatabase, clickhouseUser, clickhousePassword);
  }
}
