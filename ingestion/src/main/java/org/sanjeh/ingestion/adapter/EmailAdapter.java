package org.sanjeh.ingestion.adapter;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.sanjeh.core.event.Channel;
import org.sanjeh.ingestion.conversation.InboundMessage;
import org.sanjeh.ingestion.identity.Identity;

/**
 * E-mail: RFC 5322 messages ({@code .eml}) and mbox files. Threads by Message-ID, In-Reply-To and
 * References; MIME parts and charsets decoded by Jakarta Mail (text/plain preferred, HTML turned
 * into text otherwise, attachments skipped). The body used for analytics has quoted replies and the
 * signature removed; the raw text is kept beside it. Messages from the team's addresses are
 * replies; the customer is then the first recipient outside the team.
 */
public final class EmailAdapter {

  private static final Session SESSION = Session.getInstance(new Properties());
  private static final Pattern ARABIC_SCRIPT = Pattern.compile("[\\u0600-\\u06FF]");
  private static final List<Pattern> QUOTE_HEADERS =
      List.of(
          Pattern.compile("^On .{3,200} wrote:\\s*$"),
          Pattern.compile("^-{2,}\\s*Original Message\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE),
          Pattern.compile("^From: .+$"),
          Pattern.compile("^در تاریخ .{3,200} نوشت:\\s*$"),
          Pattern.compile("^.{3,200} نوشت:\\s*$"));

  private final Set<String> teamAddresses;
  private final Set<String> teamDomains;

  /**
   * @param team the team's own addresses ({@code support@shop.ir}) and whole domains ({@code
   *     @shop.ir}), lower case
   */
  public EmailAdapter(Set<String> team) {
    this.teamAddresses =
        team.stream()
            .filter(a -> !a.startsWith("@"))
            .map(a -> a.toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toSet());
    this.teamDomains =
        team.stream()
            .filter(a -> a.startsWith("@"))
            .map(a -> a.toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toSet());
  }

  /** One {@code .eml} message. */
  public InboundMessage read(InputStream eml) throws IOException {
    try {
      MimeMessage mail = new MimeMessage(SESSION, eml);
      String from =
          firstAddress(mail.getFrom())
              .orElseThrow(() -> new IOException("the message has no From address"));
      boolean fromTeam = isTeam(from);
      String customer =
          fromTeam
              ? firstCustomerRecipient(mail)
                  .orElseThrow(
                      () ->
                          new IOException(
                              "a message from the team with no customer among its recipients"))
              : from;
      String raw = text(mail);
      String id = mail.getMessageID() != null ? mail.getMessageID().strip() : null;
      if (id == null || id.isEmpty()) {
        throw new IOException(
            "the message has no Message-ID; a message without one cannot be threaded or deduplicated");
      }
      Date sent = mail.getSentDate();
      if (sent == null) {
        throw new IOException("the message has no valid Date header");
      }
      return new InboundMessage(
          id,
          Channel.EMAIL,
          sent.toInstant(),
          !fromTeam,
          List.of(Identity.email(customer)),
          fromTeam ? "email:" + from : null,
          threadRefs(mail),
          mail.getSubject(),
          stripQuotesAndSignature(raw),
          raw,
          ARABIC_SCRIPT.matcher(raw).find() ? "fa" : null,
          "email");
    } catch (MessagingException e) {
      throw new IOException("not a readable RFC 5322 message: " + e.getMessage(), e);
    }
  }

  /** Every message of an mbox file; a message that cannot be read is rejected with its reason. */
  public List<ImportItem.Rejected> readMbox(Path mbox, List<InboundMessage> into)
      throws IOException {
    List<ImportItem.Rejected> rejected = new ArrayList<>();
    int number = 0;
    for (byte[] message : splitMbox(Files.readAllBytes(mbox))) {
      number++;
      try {
        into.add(read(new ByteArrayInputStream(message)));
      } catch (IOException e) {
        rejected.add(
            new ImportItem.Rejected(
                mbox.getFileName() + " message " + number, 0, message, e.getMessage()));
      }
    }
    return rejected;
  }

  /** Splits at {@code From } lines and undoes mboxrd's {@code >From } quoting. */
  static List<byte[]> splitMbox(byte[] mbox) {
    String text = new String(mbox, StandardCharsets.ISO_8859_1); // byte-preserving
    List<byte[]> messages = new ArrayList<>();
    StringBuilder current = null;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("From ")) {
        if (current != null) {
          messages.add(current.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        current = new StringBuilder();
      } else if (current != null) {
        current.append(line.matches("^>+From .*") ? line.substring(1) : line).append('\n');
      }
    }
    if (current != null && !current.toString().isBlank()) {
      messages.add(current.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
    return messages;
  }

  /** The text a person wrote in this message: no quoted earlier messages, no signature. */
  public static String stripQuotesAndSignature(String text) {
    List<String> kept = new ArrayList<>();
    for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
      String trimmed = line.strip();
      if (line.equals("-- ")
          || trimmed.equals("--")
          || QUOTE_HEADERS.stream().anyMatch(p -> p.matcher(trimmed).matches())) {
        break;
      }
      if (!trimmed.startsWith(">")) {
        kept.add(line);
      }
    }
    return String.join("\n", kept).strip();
  }

  private static List<String> threadRefs(MimeMessage mail) throws MessagingException {
    List<String> refs = new ArrayList<>();
    for (String header : List.of("In-Reply-To", "References")) {
      String[] values = mail.getHeader(header);
      if (values != null) {
        for (String value : values) {
          Arrays.stream(value.split("\\s+")).filter(r -> !r.isBlank()).forEach(refs::add);
        }
      }
    }
    return refs;
  }

  private static String text(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return part.getContent().toString();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      String html = null;
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        if (child.isMimeType("text/html") && html == null) {
          html = htmlToText(child.getContent().toString());
        } else if (child.isMimeType("text/plain") || child.isMimeType("multipart/*")) {
          String text = text(child);
          if (!text.isEmpty()) {
            return text;
          }
        }
      }
      return html == null ? "" : html;
    }
    if (part.isMimeType("text/html")) {
      return htmlToText(part.getContent().toString());
    }
    return "";
  }

  static String htmlToText(String html) {
    String text =
        html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
            .replaceAll("(?i)<br\\s*/?>", "\n")
            .replaceAll("(?i)</(p|div|li|tr|h[1-6])>", "\n")
            .replaceAll("<[^>]+>", "");
    return text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replaceAll("[ \\t]+\n", "\n")
        .replaceAll("\n{3,}", "\n\n")
        .strip();
  }

  private boolean isTeam(String address) {
    String lower = address.toLowerCase(Locale.ROOT);
    return teamAddresses.contains(lower) || teamDomains.stream().anyMatch(lower::endsWith);
  }

  private java.util.Optional<String> firstCustomerRecipient(MimeMessage mail)
      throws MessagingException {
    Address[] recipients = mail.getAllRecipients();
    if (recipients == null) {
      return java.util.Optional.empty();
    }
    return Arrays.stream(recipients)
        .map(a -> ((InternetAddress) a).getAddress())
        .filter(a -> a != null && !isTeam(a))
        .findFirst();
  }

  private static java.util.Optional<String> firstAddress(Address[] addresses) {
    if (addresses == null || addresses.length == 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.ofNullable(((InternetAddress) addresses[0]).getAddress());
  }
}
