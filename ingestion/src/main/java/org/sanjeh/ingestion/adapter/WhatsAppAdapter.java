package org.sanjeh.ingestion.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sanjeh.core.event.Channel;
import org.sanjeh.ingestion.conversation.InboundMessage;
import org.sanjeh.ingestion.identity.Identity;

/**
 * WhatsApp Business Cloud API webhooks: {@code entry[].changes[].value.messages[]} from customers.
 * Text messages carry their text; other types (image, audio, location, …) become a message whose
 * body names the type, so the contact still counts. Delivery statuses are not messages and are
 * skipped. Verify the signature first ({@link WebhookSignatures#whatsappValid}).
 */
public final class WhatsAppAdapter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WhatsAppAdapter() {}

  public static List<InboundMessage> read(byte[] webhook, String defaultRegion) throws IOException {
    JsonNode root = JSON.readTree(webhook);
    if (!"whatsapp_business_account".equals(root.path("object").asText())) {
      throw new IOException(
          "not a WhatsApp Business webhook: object is not 'whatsapp_business_account'");
    }
    List<InboundMessage> messages = new ArrayList<>();
    for (JsonNode entry : root.path("entry")) {
      for (JsonNode change : entry.path("changes")) {
        JsonNode value = change.path("value");
        for (JsonNode message : value.path("messages")) {
          messages.add(message(message, defaultRegion));
        }
      }
    }
    return messages;
  }

  private static InboundMessage message(JsonNode message, String defaultRegion) throws IOException {
    String from = message.path("from").asText("");
    String id = message.path("id").asText("");
    long timestamp = message.path("timestamp").asLong(-1);
    if (from.isEmpty() || id.isEmpty() || timestamp < 0) {
      // Names what is missing, never the message: its text is the customer's.
      throw new IOException(
          "a WhatsApp message needs from, id and timestamp; this one lacks "
              + String.join(
                  " and ",
                  java.util.stream.Stream.of(
                          from.isEmpty() ? "from" : "",
                          id.isEmpty() ? "id" : "",
                          timestamp < 0 ? "timestamp" : "")
                      .filter(field -> !field.isEmpty())
                      .toList()));
    }
    String type = message.path("type").asText("text");
    String body =
        type.equals("text") ? message.path("text").path("body").asText("") : "[" + type + "]";
    List<String> context =
        message.path("context").has("id")
            ? List.of(message.path("context").path("id").asText())
            : List.of();
    return new InboundMessage(
        id,
        Channel.WHATSAPP,
        Instant.ofEpochSecond(timestamp),
        true,
        List.of(Identity.whatsapp(from, defaultRegion), Identity.phone("+" + from, defaultRegion)),
        null,
        context,
        null,
        body,
        body,
        body.chars().anyMatch(c -> c >= 0x0600 && c <= 0x06FF) ? "fa" : null,
        "whatsapp");
  }
}
