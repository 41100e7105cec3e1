package org.sanjeh.ingestion.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;

/**
 * The Twitter customer-care conversations (TWCC, Apache-2.0) as tickets: one conversation is one
 * ticket on channel {@code x}; the customer's first tweet creates it, later tweets are customer
 * messages and the brand's tweets agent replies; the brand's final reply ({@code agentURL}) is
 * dated by the conversation's start plus its {@code duration}.
 *
 * <p>Personal data is scrubbed (e-mail addresses, phone numbers, customers' @-handles) and customer
 * handles become pseudonymous ids. Defects are rejected with the reason, never guessed: a negative
 * or multi-day duration leaves the final reply out (the rest of the conversation is kept), and so
 * does a duration that dates the final reply before a turn of the dialog (the final reply is the
 * last turn, so such a duration is wrong, most often a day part dropped, and would make the first
 * response shorter than the dialog shows); a message without a valid time is left out.
 */
public final class TwccAdapter {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code HH:MM:SS} with optional fraction; anything else (a sign, a day part) is refused. */
  private static final Pattern DURATION = Pattern.compile("(\\d{1,2}):(\\d{2}):(\\d{2})(\\.\\d*)?");

  private TwccAdapter() {}

  public static List<ImportItem> read(Path file) throws IOException {
    JsonNode conversations = JSON.readTree(Files.readAllBytes(file));
    if (!conversations.isArray()) {
      throw new IOException(file + " is not a TWCC file: expected a JSON array of conversations");
    }
    List<ImportItem> items = new ArrayList<>();
    for (int i = 0; i < conversations.size(); i++) {
      items.addAll(
          conversation(conversations.get(i), file.getFileName() + " conversation " + (i + 1)));
    }
    return items;
  }

  static List<ImportItem> conversation(JsonNode conversation, String where) {
    JsonNode header = conversation.path("dialogHeader");
    String session = header.path("sessionID").asText("");
    String brand = header.path("company").asText("");
    String at = where + " (" + session + ")";
    List<ImportItem> items = new ArrayList<>();
    if (session.isEmpty() || brand.isEmpty()) {
      items.add(
          reject(at, conversation, "dialogHeader.sessionID and dialogHeader.company are required"));
      return items;
    }
    String ticket = "twcc:" + session;
    List<JsonNode> messages = new ArrayList<>();
    conversation.path("dialogContent").forEach(messages::add);
    messages.sort(Comparator.comparing(m -> m.path("datetime").asText("")));
    String customer = null;
    boolean created = false;
    JsonNode latestTurn = null;
    Instant latestTime = null;
    for (JsonNode message : messages) {
      Instant time = instant(message.path("datetime").asText(null));
      String text = message.path("message").asText(null);
      String tweet = message.path("tweet_ID").asText("");
      if (time == null || text == null || tweet.isEmpty()) {
        items.add(
            reject(
                at + " tweet " + tweet,
                message,
                "message needs datetime (ISO-8601), message and tweet_ID"));
        continue;
      }
      boolean fromBrand = message.has("agent");
      String handle = fromBrand ? message.path("agent").asText() : firstClientHandle(message);
      if (!fromBrand && customer == null) {
        customer = pseudonym(handle);
      }
      EventType type =
          fromBrand
              ? EventType.AGENT_REPLY
              : created ? EventType.CUSTOMER_MESSAGE : EventType.TICKET_CREATED;
      created = created || !fromBrand;
      if (latestTime == null || !time.isBefore(latestTime)) {
        latestTurn = message;
        latestTime = time;
      }
      items.add(
          new ImportItem.Event(
              event(ticket, tweet, time, type, fromBrand, brand, customer, handle, text)));
    }
    items.addAll(
        finalReply(conversation, header, at, ticket, brand, customer, latestTurn, latestTime));
    return items;
  }

  private static List<ImportItem> finalReply(
      JsonNode conversation,
      JsonNode header,
      String at,
      String ticket,
      String brand,
      String customer,
      JsonNode latestTurn,
      Instant latestTime) {
    JsonNode reply = conversation.path("agentURL");
    String text = reply.path("url_utterance").asText(null);
    String tweet = reply.path("tweet_ID").asText("");
    if (text == null || tweet.isEmpty()) {
      return List.of();
    }
    Instant start = instant(header.path("conversationDateTime").asText(null));
    String duration = header.path("duration").asText("");
    Matcher parts = DURATION.matcher(duration);
    if (start == null || !parts.matches()) {
      String why =
          duration.startsWith("-")
              ? "is negative"
              : duration.contains("-") ? "spans several days (D-HH:MM:SS)" : "is not HH:MM:SS";
      return List.of(
          reject(
              at + " agentURL tweet " + tweet,
              reply,
              "dialogHeader.duration=\"%s\" %s, so the time of the brand's final reply cannot be derived; that reply is left out, the rest of the conversation is imported"
                  .formatted(duration, why)));
    }
    Duration length =
        Duration.ofHours(Long.parseLong(parts.group(1)))
            .plusMinutes(Long.parseLong(parts.group(2)))
            .plusSeconds(Long.parseLong(parts.group(3)));
    Instant replyAt = start.plus(length);
    if (latestTime != null && replyAt.isBefore(latestTime)) {
      return List.of(
          reject(
              at + " agentURL tweet " + tweet,
              reply,
              ("dialogHeader.conversationDateTime + dialogHeader.duration=\"%s\" dates the brand's"
                      + " final reply at \"%s\", before the dialog's turn at \"%s\" (tweet %s); the"
                      + " final reply is the last turn, so the duration is wrong (a day part"
                      + " dropped?) and would shorten the first response; that reply is left out,"
                      + " the rest of the conversation is imported")
                  .formatted(duration, replyAt, latestTime, latestTurn.path("tweet_ID").asText())));
    }
    return List.of(
        new ImportItem.Event(
            event(
                ticket,
                tweet,
                replyAt,
                EventType.AGENT_REPLY,
                true,
                brand,
                customer,
                brand,
                text)));
  }

  private static TicketEvent event(
      String ticket,
      String tweet,
      Instant time,
      EventType type,
      boolean fromBrand,
      String brand,
      String customer,
      String handle,
      String text) {
    return TicketEvent.builder()
        .eventId("twcc:" + tweet)
        .ticketId(ticket)
        .occurredAt(time)
        .type(type)
        .channel(Channel.X)
        .authorRole(fromBrand ? AuthorRole.AGENT : AuthorRole.CUSTOMER)
        .authorId(fromBrand ? "x:" + handle : pseudonym(handle))
        .customerId(customer)
        .agentId(fromBrand ? "x:" + handle : null)
        .team(brand)
        .language("en")
        .body(Scrubber.scrub(text, brand))
        .sourceSystem("twcc")
        .sourceRef("tweet:" + tweet)
        .build();
  }

  private static String firstClientHandle(JsonNode message) {
    for (String field : List.of("client", "client1", "client2")) {
      if (message.hasNonNull(field)) {
        return message.get(field).asText();
      }
    }
    return "unknown";
  }

  /** A stable id for a customer handle that does not reveal it. */
  static String pseudonym(String handle) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("twcc:" + handle.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
      return "x-user:" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static ImportItem reject(String where, JsonNode raw, String reason) {
    return new ImportItem.Rejected(
        where, 0, raw.toString().getBytes(StandardCharsets.UTF_8), reason);
  }
}
