package org.sanjeh.ingestion.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.event.Channel;
import org.sanjeh.ingestion.conversation.InboundMessage;
import org.sanjeh.ingestion.identity.Identity;

class EmailAdapterTest {

  private final EmailAdapter adapter = new EmailAdapter(Set.of("support@shop.ir", "@shop.ir"));

  @Test
  void readsAPersianMultipartMessageDecodingHeadersAndQuotedPrintable() throws Exception {
    InboundMessage mail = adapter.read(resource("persian-multipart.eml"));

    assertThat(mail.messageId()).isEqualTo("<CAF1234@mail.example.ir>");
    assertThat(mail.channel()).isEqualTo(Channel.EMAIL);
    assertThat(mail.fromCustomer()).isTrue();
    assertThat(mail.customer()).containsExactly(Identity.email("ali.rezaei@example.ir"));
    assertThat(mail.at()).isEqualTo(Instant.parse("2024-05-08T05:45:00Z"));
    assertThat(mail.subject()).isEqualTo("سفارش ۱۲۳");
    assertThat(mail.body()).as("signature removed").isEqualTo("سلام، سفارش من نرسیده.");
    assertThat(mail.rawBody()).contains("0912 123 4567");
    assertThat(mail.language()).isEqualTo("fa");
  }

  @Test
  void aReplyFromTheTeamThreadsByInReplyToAndLosesItsQuote() throws Exception {
    InboundMessage reply = adapter.read(resource("team-reply-latin1.eml"));

    assertThat(reply.fromCustomer()).isFalse();
    assertThat(reply.agentId()).isEqualTo("email:support@shop.ir");
    assertThat(reply.customer()).containsExactly(Identity.email("ali.rezaei@example.ir"));
    assertThat(reply.threadRefs())
        .containsExactly("<CAF1234@mail.example.ir>", "<CAF1234@mail.example.ir>");
    assertThat(reply.body())
        .isEqualTo("Hello Ali,\nyour parcel left our warehouse today. Café voucher attached.");
    assertThat(reply.rawBody()).contains("> my order has not arrived.");
  }

  @Test
  void anHtmlOnlyMessageBecomesText() throws Exception {
    assertThat(adapter.read(resource("html-only.eml")).body())
        .isEqualTo("Please send the invoice & receipt.\n\nThanks");
  }

  @Test
  void anMboxYieldsEveryReadableMessageAndRejectsTheOthersWithAReason() throws Exception {
    List<InboundMessage> read = new ArrayList<>();
    List<ImportItem.Rejected> rejected =
        adapter.readMbox(
            Path.of(getClass().getResource("/email/two-and-a-broken.mbox").toURI()), read);

    assertThat(read)
        .extracting(InboundMessage::messageId)
        .containsExactly("<CAF1234@mail.example.ir>", "<mbox-2@example.com>");
    assertThat(read.get(1).body())
        .as(">From is unquoted")
        .isEqualTo("From the start this was broken.");
    assertThat(rejected)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.where()).isEqualTo("two-and-a-broken.mbox message 3");
              assertThat(r.reason()).contains("no From address");
            });
  }

  @Test
  void quotesInOtherStylesAndPersianAreStripped() {
    String outlook = "Thanks, fixed.\n\n-----Original Message-----\nFrom: Ali\nold text";
    String persian = "ممنون\n\nدر تاریخ ۱۴۰۳/۰۲/۱۹ علی نوشت:\n> متن قبلی";

    assertThat(EmailAdapter.stripQuotesAndSignature(outlook)).isEqualTo("Thanks, fixed.");
    assertThat(EmailAdapter.stripQuotesAndSignature(persian)).isEqualTo("ممنون");
  }

  @Test
  void aMessageWithoutMessageIdIsRefusedWithTheReason() {
    String noId =
        "From: a@example.com\r\nTo: support@shop.ir\r\nDate: Thu, 09 May 2024 08:00:00 +0000\r\n\r\nhi\r\n";

    assertThatThrownBy(
            () -> adapter.read(new ByteArrayInputStream(noId.getBytes(StandardCharsets.US_ASCII))))
        .hasMessageContaining("no Message-ID");
  }

  private InputStream resource(String name) {
    return getClass().getResourceAsStream("/email/" + name);
  }
}
