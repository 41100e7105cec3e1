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
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sends invitations as e-mail through an SMTP server: a multipart message with the one-click HTML
 * and a plain-text part, in the customer's language. The address comes from the customer's
 * identities. A customer without an e-mail address, or an address the server refuses for good (SMTP
 * 5xx), is {@link Sender.Undeliverable}; a server that refuses for now (4xx) or cannot be reached
 * is an ordinary failure, so the invitation service tries again later.
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
      throw refusal(e);
    }
  }

  /**
   * A permanent refusal (an SMTP 5xx reply: no such mailbox, domain unknown, policy) is {@link
   * Sender.Undeliverable}: trying again cannot help. A temporary one (4xx, no connection) is tried
   * again. The server's own words stay out of the message: they quote the address.
   */
  private RuntimeException refusal(MessagingException e) {
    int code = replyCode(e);
    String server = "SMTP server " + settings.host() + ":" + settings.port();
    if (code >= 500) {
      return new Undeliverable(server + " refused the invitation permanently (SMTP " + code + ")");
    }
    String why = code > 0 ? "SMTP " + code : rootCause(e).getClass().getSimpleName();
    // Not chained: the cause's message quotes the server's reply, address and all.
    return new IllegalStateException(
        server + " did not take the invitation for now (" + why + "); it is tried again later");
  }

  /** The SMTP reply code of the first refusal in the chain; 0 if the server gave none. */
  private static int replyCode(MessagingException e) {
    for (Exception next = e; next != null; ) {
      if (next instanceof SMTPAddressFailedException refused) {
        return refused.getReturnCode();
      }
      if (next instanceof SMTPSendFailedException refused) {
        return refused.getReturnCode();
      }
      if (next instanceof SMTPSenderFailedException refused) {
        return refused.getReturnCode();
      }
      next = next instanceof MessagingException m ? m.getNextException() : null;
    }
    return 0;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
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
