package org.sanjeh.survey.invite;

import jakarta.mail.Authenticator;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends invitations as e-mail through an SMTP server: a multipart message with the one-click HTML
 * and a plain-text part, in the customer's language. The address comes from the customer's
 * identities. A customer without an e-mail address is {@link Sender.Undeliverable}; a server that
 * refuses or cannot be reached is an ordinary failure, so the invitation service tries again.
 */
public final class SmtpSender implements Sender {

  /** Where to find a customer's e-mail address. */
  @FunctionalInterface
  public interface Recipients {
    Optional<String> emailOf(String customerId);
  }

  /**
   * @param user empty for a server without authentication (a local relay)
   */
  public record Settings(
      String host, int port, boolean startTls, String from, String user, String password) {}

  private final Session session;
  private final Settings settings;
  private final Recipients recipients;

  public SmtpSender(Settings settings, Recipients recipients) {
    this.settings = settings;
    this.recipients = recipients;
    Properties props = new Properties();
    props.put("mail.smtp.host", settings.host());
    props.put("mail.smtp.port", Integer.toString(settings.port()));
    props.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
    props.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "10000");
    boolean auth = !settings.user().isEmpty();
    props.put("mail.smtp.auth", Boolean.toString(auth));
    this.session =
        auth
            ? Session.getInstance(
                props,
                new Authenticator() {
                  @Override
                  protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.user(), settings.password());
                  }
                })
            : Session.getInstance(props);
  }

  @Override
  public void send(Message message) {
    String to =
        recipients
            .emailOf(message.customerId())
            .orElseThrow(
                () ->
                    new Undeliverable(
                        "no e-mail address known for customer " + message.customerId()));
    try {
      Transport.send(mime(message, to));
    } catch (MessagingException e) {
      throw new IllegalStateException(
          "SMTP server "
              + settings.host()
              + ":"
              + settings.port()
              + " did not take the invitation: "
              + e.getMessage(),
          e);
    }
  }

  private MimeMessage mime(Message message, String to) throws MessagingException {
    MimeBodyPart text = new MimeBodyPart();
    text.setText(InvitationMail.text(message), "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(InvitationMail.html(message), "UTF-8", "html");
    MimeMultipart alternatives = new MimeMultipart("alternative", text, html);

    MimeMessage mime = new MimeMessage(session);
    mime.setFrom(new InternetAddress(settings.from()));
    mime.setRecipient(RecipientType.TO, new InternetAddress(to));
    mime.setSubject(InvitationMail.subject(message), "UTF-8");
    // Lets a reply or bounce be traced back to its invitation.
    mime.setHeader("X-Sanjeh-Invitation", message.invitationId());
    mime.setContent(alternatives);
    return mime;
  }
}
