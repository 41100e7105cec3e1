package org.sanjeh.survey.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * Invitations through a real SMTP server (GreenMail on a local port), with the address taken from
 * the identities ingestion stored in ClickHouse.
 */
@ExtendWith(ClickHouseExtension.class)
class SmtpSenderIT {

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aPersianInvitationArrivesAsMultipartMailAtTheCustomersNewestAddress(Warehouse warehouse)
      throws Exception {
    String customer = run + "-C1";
    warehouse.execute(
        "INSERT INTO customer_identities VALUES "
            + "('email:old-"
            + run
            + "@example.ir', 'email', '"
            + customer
            + "', 'test', '2026-01-01 00:00:00'), "
            + "('email:"
            + run
            + "@example.ir', 'email', '"
            + customer
            + "', 'test', '2026-05-01 00:00:00'), "
            + "('phone:+989121234567', 'phone', '"
            + customer
            + "', 'test', '2026-06-01 00:00:00')");
    GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
    smtp.start();
    try {
      SmtpSender sender =
          new SmtpSender(
              new SmtpSender.Settings(
                  "127.0.0.1", smtp.getSmtp().getPort(), false, "survey@sanjeh.test", "", ""),
              new WarehouseRecipients(warehouse));

      sender.send(message("inv-1", customer, "fa"));

      assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
      MimeMessage mail = smtp.getReceivedMessages()[0];
      assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(run + "@example.ir");
      assertThat(mail.getSubject()).isEqualTo("نظر شما دربارهٔ پشتیبانی ما");
      assertThat(mail.getHeader("X-Sanjeh-Invitation")).containsExactly("inv-1");
      MimeMultipart parts = (MimeMultipart) mail.getContent();
      assertThat(parts.getContentType()).startsWith("multipart/alternative");
      assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
      assertThat((String) parts.getBodyPart(0).getContent())
          .isEqualTo("لطفاً با یک کلیک به ما بگویید چطور بودیم: https://s.test/s/tok?lang=fa\n");
      assertThat((String) parts.getBodyPart(1).getContent())
          .contains("dir=\"rtl\"", ">۵</a>", "https://s.test/s/tok?lang=fa&amp;score=5");
    } finally {
      smtp.stop();
    }
  }

  @Test
  void aCustomerWithoutAddressIsUndeliverableAndADownServerIsARetryableFailure(Warehouse warehouse)
      throws Exception {
    SmtpSender noAddress =
        new SmtpSender(
            new SmtpSender.Settings("127.0.0.1", freePort(), false, "survey@sanjeh.test", "", ""),
            new WarehouseRecipients(warehouse));
    assertThatThrownBy(() -> noAddress.send(message("inv-2", run + "-nobody", "en")))
        .isInstanceOf(Sender.Undeliverable.class)
        .hasMessageContaining(run + "-nobody");

    int closedPort = freePort();
    SmtpSender serverDown =
        new SmtpSender(
            new SmtpSender.Settings("127.0.0.1", closedPort, false, "survey@sanjeh.test", "", ""),
            id -> Optional.of("someone@example.com"));
    assertThatThrownBy(() -> serverDown.send(message("inv-3", "C", "en")))
        .isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(Sender.Undeliverable.class)
        .hasMessageContaining("127.0.0.1:" + closedPort);
  }

  private static Sender.Message message(String id, String customer, String language) {
    String link = "https://s.test/s/tok?lang=" + language;
    Map<Integer, String> oneClick = new LinkedHashMap<>();
    for (int score = 1; score <= 5; score++) {
      oneClick.put(score, link + "&score=" + score);
    }
    return new Sender.Message(
        id, customer, Channel.EMAIL, SurveyKind.CSAT, language, link, oneClick);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
