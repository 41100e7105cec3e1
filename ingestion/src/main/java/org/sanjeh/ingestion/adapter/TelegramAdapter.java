package org.sanjeh.ingestion.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sanjeh.core.event.Channel;
import org.sanjeh.ingestion.conversation.InboundMessage;
import org.sanjeh.ingestion.identity.Identity;

/**
 * Telegram Bot API {@code Update} objects: a {@code message} from a user is a customer message; a
 * contact the customer shared of themselves adds their phone to their identities (someone else's
 * contact card does not); replies thread by the message they answer. Edits, channel posts and
 * callbacks are not new contacts and are skipped. Verify the secret token first ({@link
 * WebhookSignatures#sharedSecretMatches}).
 */
public final class TelegramAdapter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TelegramAdapter() {}

  public static Optional<InboundMessage> read(byte[] update, String defaultRegion)
      throws IOException {
    JsonNode root = JSON.readTree(update);
    if (!root.has("update_id")) {
      throw new IOException("not a Telegram Update: update_id is missing");
    }
    JsonNode message = root.path("message");
    if (message.isMissingNode()) {
      return Optional.empty();
    }
    long user = message.path("from").path("id").asLong(-1);
    long chat = message.path("chat").path("id").asLong(-1);
    long date = message.path("date").asLong(-1);
    if (user < 0
        || chat == -1
        || date < 0
        || message.path("from").path("is_bot").asBoolean(false)) {
      throw new IOException("a Telegram message needs from.id (a person), chat.id and date");
    }
    String id = "tg:" + chat + ":" + message.path("message_id").asText();
    JsonNode contact = message.path("contact");
    // Telegram sets contact.user_id to the sender's own id only when they share their own number
    // (the request_contact button). Anyone else's contact card proves nothing about the sender and
    // is not kept as theirs at all.
    boolean ownContact = contact.has("phone_number") && contact.path("user_id").asLong(-1) == user;
    List<Identity> identities =
        ownContact
            ? List.of(
                Identity.telegram(user),
                Identity.phone(contact.path("phone_number").asText(), defaultRegion))
            : List.of(Identity.telegram(user));
    List<String> replyTo =
        message.path("reply_to_message").has("message_id")
            ? List.of(
                "tg:" + chat + ":" + message.path("reply_to_message").path("message_id").asText())
            : List.of();
    String text =
        message
            .path("text")
            .asText(
                message
                    .path("caption")
                    .asText(message.has("contact") ? "[contact]" : "[" + kind(message) + "]"));
    return Optional.of(
        new InboundMessage(
            id,
            Channel.TELEGRAM,
            Instant.ofEpochSecond(date),
            true,
            identities,
            null,
            replyTo,
            null,
            text,
            text,
            message.path("from").path("language_code").asText(null),
            "telegram"));
  }

  private static String kind(JsonNode message) {
    for (String kind : List.of("photo", "voice", "video", "document", "sticker", "location")) {
      if (message.has(kind)) {
        return kind;
      }
    }
    return "message";
  }
}
