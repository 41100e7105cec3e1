package org.sanjeh.survey.invite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Set;

/**
 * Invitations as WhatsApp text messages through the WhatsApp Business Cloud API ({@code POST
 * /PHONE_NUMBER_ID/messages}). A free-form text may only go to a customer who wrote within the last
 * 24 hours, which a just-resolved ticket usually means; outside that window the API refuses it
 * (error 131047) and the invitation is recorded as a skip with that reason — a pre-approved
 * template message is the way to reach those customers, not yet built. The number comes from the
 * customer's {@code whatsapp} identity (E.164).
 */
public final class WhatsAppSender implements Sender {

  /**
   * Cloud API errors after which this customer cannot be reached with this message: re-engagement
   * window closed (131047), undeliverable (131026), not a test recipient (131030), unsupported
   * type.
   */
  private static final Set<Integer> NEVER = Set.of(131047, 131026, 131030, 131051);

  private final String apiUrl;
  private final String phoneNumberId;
  private final String accessToken;
  private final CustomerIdentities identities;
  private final ChatApi api = new ChatApi("the WhatsApp Cloud API");

  /**
   * @param apiUrl {@code https://graph.facebook.com/v21.0}
   * @param accessToken the business's token; configuration or environment only
   */
  public WhatsAppSender(
      String apiUrl, String phoneNumberId, String accessToken, CustomerIdentities identities) {
    this.apiUrl = apiUrl.replaceAll("/+$", "");
    this.phoneNumberId = phoneNumberId;
    this.accessToken = accessToken;
    this.identities = identities;
  }

  @Override
  public void send(Message message) {
    String number =
        identities
            .of(message.customerId(), "whatsapp")
            .or(() -> identities.of(message.customerId(), "phone"))
            .orElseThrow(
                () ->
                    new Sender.Undeliverable(
                        "no WhatsApp number known for customer " + message.customerId()));
    ObjectNode body = ChatApi.JSON.createObjectNode();
    body.put("messaging_product", "whatsapp");
    body.put("recipient_type", "individual");
    body.put("to", number.startsWith("+") ? number.substring(1) : number);
    body.put("type", "text");
    ObjectNode text = body.putObject("text");
    text.put("preview_url", true);
    text.put("body", InvitationMail.text(message));
    api.post(
        URI.create(apiUrl + "/" + phoneNumberId + "/messages"),
        accessToken,
        body,
        error -> {
          int code = error.path("error").path("code").asInt();
          String detail = error.path("error").path("message").asText("");
          if (!NEVER.contains(code)) {
            return null;
          }
          return code == 131047
              ? "WhatsApp: more than 24 hours since the customer's last message; only a template"
                  + " message may be sent now ("
                  + detail
                  + ")"
              : "WhatsApp error " + code + ": " + detail;
        },
        message.invitationId());
  }
}
