package org.sanjeh.ingestion.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.event.Channel;
import org.sanjeh.ingestion.conversation.InboundMessage;
import org.sanjeh.ingestion.identity.Identity;

class WebhookAdaptersTest {

  /** The shape of a WhatsApp Business Cloud API "messages" webhook (values made up). */
  static final String WHATSAPP =
      """
      {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
        "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"982191000000","phone_number_id":"106540352242922"},
          "contacts":[{"profile":{"name":"Ali"},"wa_id":"989121234567"}],
          "messages":[
            {"from":"989121234567","id":"wamid.HBgMOTg5MTIxMjM0NTY3FQIAEhgUM0EwMTNBNUE1QjE2RTQ4MUI2QzIA","timestamp":"1715146500","type":"text","text":{"body":"سلام، بسته‌ام کجاست؟"}},
            {"from":"989121234567","id":"wamid.second","timestamp":"1715146560","type":"image","image":{"id":"1","mime_type":"image/jpeg"},
             "context":{"from":"982191000000","id":"wamid.earlier"}}]}}]}]}
      """;

  @Test
  void whatsappMessagesBecomeCustomerMessagesWithBothIdentities() throws Exception {
    List<InboundMessage> messages =
        WhatsAppAdapter.read(WHATSAPP.getBytes(StandardCharsets.UTF_8), "IR");

    assertThat(messages).hasSize(2);
    InboundMessage text = messages.get(0);
    assertThat(text.channel()).isEqualTo(Channel.WHATSAPP);
    assertThat(text.at()).isEqualTo(Instant.ofEpochSecond(1715146500));
    assertThat(text.body()).isEqualTo("سلام، بسته‌ام کجاست؟");
    assertThat(text.language()).isEqualTo("fa");
    assertThat(text.customer())
        .containsExactly(
            Identity.whatsapp("989121234567", "IR"), Identity.phone("+989121234567", "IR"));
    assertThat(messages.get(1).body()).isEqualTo("[image]");
    assertThat(messages.get(1).threadRefs()).containsExactly("wamid.earlier");
  }

  @Test
  void whatsappSignaturesAreCheckedAgainstTheRawBody() {
    byte[] body = WHATSAPP.getBytes(StandardCharsets.UTF_8);
    String good =
        "sha256=" + HexFormat.of().formatHex(WebhookSignatures.hmacSha256("app-secret", body));

    assertThat(WebhookSignatures.whatsappValid(good, body, "app-secret")).isTrue();
    assertThat(WebhookSignatures.whatsappValid(good, body, "other-secret")).isFalse();
    assertThat(
            WebhookSignatures.whatsappValid(
                good, (WHATSAPP + " ").getBytes(StandardCharsets.UTF_8), "app-secret"))
        .isFalse();
    assertThat(WebhookSignatures.whatsappValid(null, body, "app-secret")).isFalse();
  }

  @Test
  void notAWhatsAppWebhookIsRefused() {
    assertThatThrownBy(
            () ->
                WhatsAppAdapter.read(
                    "{\"object\":\"page\"}".getBytes(StandardCharsets.UTF_8), "IR"))
        .hasMessageContaining("not a WhatsApp Business webhook");
  }

  @Test
  void aTelegramMessageThreadsByTheMessageItAnswers() throws Exception {
    String update =
        """
        {"update_id":910001,"message":{"message_id":58,"date":1715146500,"text":"Where is order 123?",
          "from":{"id":7001,"is_bot":false,"first_name":"Sara","language_code":"en"},"chat":{"id":7001,"type":"private"},
          "reply_to_message":{"message_id":57,"date":1715140000,"chat":{"id":7001,"type":"private"}}}}
        """;

    InboundMessage message =
        TelegramAdapter.read(update.getBytes(StandardCharsets.UTF_8), "IR").orElseThrow();

    assertThat(message.messageId()).isEqualTo("tg:7001:58");
    assertThat(message.threadRefs()).containsExactly("tg:7001:57");
    assertThat(message.customer()).containsExactly(Identity.telegram(7001));
    assertThat(message.language()).isEqualTo("en");
  }

  @Test
  void aSharedTelegramContactAddsThePhoneAndEditsAreSkipped() throws Exception {
    String contact =
        """
        {"update_id":910002,"message":{"message_id":59,"date":1715146600,"from":{"id":7001,"is_bot":false,"first_name":"Sara"},
          "chat":{"id":7001,"type":"private"},"contact":{"phone_number":"+98 912 123 4567","first_name":"Sara","user_id":7001}}}
        """;
    String edit =
        "{\"update_id\":910003,\"edited_message\":{\"message_id\":58,\"date\":1715146500,\"text\":\"x\"}}";

    assertThat(
            TelegramAdapter.read(contact.getBytes(StandardCharsets.UTF_8), "IR")
                .orElseThrow()
                .customer())
        .containsExactly(Identity.telegram(7001), Identity.phone("+989121234567", "IR"));
    assertThat(TelegramAdapter.read(edit.getBytes(StandardCharsets.UTF_8), "IR")).isEmpty();
  }

  @Test
  void someoneElsesTelegramContactCardIsNotTheSendersPhone() throws Exception {
    String theirs =
        """
        {"update_id":910004,"message":{"message_id":60,"date":1715146600,"from":{"id":7001,"is_bot":false,"first_name":"Sara"},
          "chat":{"id":7001,"type":"private"},"contact":{"phone_number":"+98 912 765 4321","first_name":"Reza","user_id":8002}}}
        """;
    String withoutUser = theirs.replace(",\"user_id\":8002", "");

    for (String update : List.of(theirs, withoutUser)) {
      assertThat(
              TelegramAdapter.read(update.getBytes(StandardCharsets.UTF_8), "IR")
                  .orElseThrow()
                  .customer())
          .containsExactly(Identity.telegram(7001));
    }
  }

  @Test
  void telegramSecretTokensMustMatch() {
    assertThat(WebhookSignatures.sharedSecretMatches("s3cret", "s3cret")).isTrue();
    assertThat(WebhookSignatures.sharedSecretMatches("guess", "s3cret")).isFalse();
    assertThat(WebhookSignatures.sharedSecretMatches(null, "s3cret")).isFalse();
  }
}
