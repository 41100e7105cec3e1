package org.sanjeh.survey.invite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;

/**
 * Invitations as Telegram messages through a bot (Bot API {@code sendMessage}): the customer's
 * Telegram user id comes from their identities (a private chat's id is the user's id). A customer
 * with no Telegram identity, a chat the bot cannot find, or a bot the user blocked is {@link
 * Sender.Undeliverable}; anything else is tried again.
 */
public final class TelegramSender implements Sender {

  private final String apiUrl;
  private final String botToken;
  private final CustomerIdentities identities;
  private final ChatApi api = new ChatApi("the Telegram Bot API");

  /**
   * @param apiUrl {@code https://api.telegram.org}, or a local Bot API server
   * @param botToken from BotFather; configuration or environment only
   */
  public TelegramSender(String apiUrl, String botToken, CustomerIdentities identities) {
    this.apiUrl = apiUrl.replaceAll("/+$", "");
    this.botToken = botToken;
    this.identities = identities;
  }

  @Override
  public void send(Message message) {
    String chatId =
        identities
            .of(message.customerId(), "telegram")
            .orElseThrow(
                () ->
                    new Sender.Undeliverable(
                        "no Telegram identity known for customer " + message.customerId()));
    ObjectNode body = ChatApi.JSON.createObjectNode();
    body.put("chat_id", chatId);
    body.put("text", InvitationMail.text(message));
    api.post(
        URI.create(apiUrl + "/bot" + botToken + "/sendMessage"),
        null,
        body,
        error -> {
          String description = error.path("description").asText("");
          int code = error.path("error_code").asInt();
          boolean never =
              (code == 400 && description.contains("chat not found"))
                  || (code == 403
                      && (description.contains("blocked") || description.contains("deactivated")));
          return never ? "Telegram: " + description + " (chat " + chatId + ")" : null;
        },
        message.invitationId());
  }
}
