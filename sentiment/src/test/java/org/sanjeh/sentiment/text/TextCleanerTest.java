package org.sanjeh.sentiment.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

  private final TextCleaner cleaner = new TextCleaner();

  @Test
  void cutsTheQuotedReplyFromItsHeaderOn() {
    String message =
        """
        It still does not work.

        On Mon, 3 Feb 2025 at 10:12, Support <support@example.com> wrote:
        > Thank you for contacting us, we are happy to help!""";
    assertThat(cleaner.clean(message)).isEqualTo("It still does not work.");
  }

  @Test
  void dropsQuotedLinesAndOutlookHeaders() {
    String message =
        """
        Please call me back.
        > earlier text
        From: Support Team
        Sent: Monday, 3 February 2025 10:12
        Subject: Your ticket""";
    assertThat(cleaner.clean(message)).isEqualTo("Please call me back.");
  }

  @Test
  void cutsASignOffFollowedByANameBlock() {
    String message = "The refund has not arrived.\n\nBest regards,\nJohn Smith\nAcme Ltd";
    assertThat(cleaner.clean(message)).isEqualTo("The refund has not arrived.");
  }

  @Test
  void keepsAMessageThatIsOnlyThanks() {
    assertThat(cleaner.clean("Thanks!")).isEqualTo("Thanks!");
    assertThat(cleaner.clean("Thank you")).isEqualTo("Thank you");
  }

  @Test
  void removesUrlsEmailAddressesAndSentFromLines() {
    String message =
        "See https://shop.example.com/orders/1?ref=x and write to a.b@example.com\nSent from my iPhone";
    assertThat(cleaner.clean(message)).isEqualTo("See and write to");
  }

  @Test
  void cutsAPersianSignatureAndQuotedReply() {
    String message = "هنوز مشکل دارم.\nبا احترام\nرضا\n\nدر تاریخ ۱۴۰۳/۰۱/۱۰ پشتیبانی نوشت:\nسلام";
    assertThat(cleaner.clean(message)).isEqualTo("هنوز مشکل دارم.");
  }
}
