package org.sanjeh.sentiment.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated English support messages shaped like real e-mail and chat: a greeting, one to three
 * sentences of complaint, praise or question, and in some of them a URL, a pasted error log (one
 * run-on "sentence" of well over a hundred tokens), a signature and the quoted earlier reply. About
 * a fifth are the short messages customers send again and again ("Thanks!", "Any update?"). Fixed
 * seed, so every benchmark run reads the same texts.
 */
public final class SupportMessages {

  private static final String[] GREETINGS = {"Hi,", "Hello team,", "Dear support,", "Hey,", ""};
  private static final String[] COMPLAINTS = {
    "My order %d still hasn't arrived and nobody answers my e-mails.",
    "The app crashes every time I open the settings page.",
    "I was charged twice for my subscription this month, please refund the second payment.",
    "This is the third time I am writing about the same problem and it is still not fixed.",
    "The delivery was late again and the box was damaged.",
    "Your website is extremely slow and the checkout keeps failing.",
    "I am very disappointed with how my complaint was handled.",
    "The replacement you sent does not work either.",
    "I have been waiting on hold for over an hour, which is unacceptable.",
    "The invoice shows the wrong amount and I cannot download it."
  };
  private static final String[] PRAISE = {
    "Thank you so much, the agent solved it quickly.",
    "Great service, the new router works perfectly.",
    "Sara was really patient and helpful, I appreciate it.",
    "Everything arrived on time and in perfect condition.",
    "The refund came through today, thanks for sorting it out."
  };
  private static final String[] QUESTIONS = {
    "Could you tell me when invoice %d will be sent?",
    "How do I change the e-mail address on my account?",
    "Is it possible to move my appointment to next Tuesday?",
    "What is the status of ticket %d?",
    "Do you ship to Canada and how long does it take?"
  };
  private static final String[] SHORT = {
    "Thanks!", "Any update?", "ok", "Thank you so much!", "Still not working.", "Great, thanks."
  };
  private static final String[] NAMES = {"John Smith", "Maria Garcia", "Ali Rezaei", "Emma Brown"};
  private static final String QUOTED_REPLY =
      """
      On Mon, 3 Feb 2025 at 10:12, Support <support@example.com> wrote:
      > Hello, thank you for contacting us. We are sorry to hear about the trouble.
      > Could you please send us your order number and a screenshot of the error?
      > We will get back to you within 24 hours.
      > Kind regards, the support team""";

  private SupportMessages() {}

  public static List<String> generate(int count, long seed) {
    Random random = new Random(seed);
    List<String> messages = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      messages.add(random.nextInt(5) == 0 ? pick(random, SHORT) : longMessage(random));
    }
    return messages;
  }

  private static String longMessage(Random random) {
    StringBuilder text = new StringBuilder(pick(random, GREETINGS)).append('\n');
    int sentences = 1 + random.nextInt(3);
    for (int s = 0; s < sentences; s++) {
      String[] pool =
          switch (random.nextInt(3)) {
            case 0 -> COMPLAINTS;
            case 1 -> PRAISE;
            default -> QUESTIONS;
          };
      text.append(pick(random, pool).formatted(10_000 + random.nextInt(90_000))).append(' ');
    }
    if (random.nextInt(10) < 3) {
      text.append("See https://shop.example.com/orders/")
          .append(random.nextInt(99_999))
          .append("?ref=mail ");
    }
    if (random.nextInt(20) == 0) {
      text.append("\nHere is the log: ").append(errorLog(random)).append('\n');
    }
    if (random.nextInt(2) == 0) {
      text.append("\n\nBest regards,\n").append(pick(random, NAMES)).append('\n');
    }
    if (random.nextInt(10) < 4) {
      text.append("\n").append(QUOTED_REPLY);
    }
    return text.toString();
  }

  private static String errorLog(Random random) {
    StringBuilder log = new StringBuilder("ERROR PaymentException payment declined");
    for (int frame = 0; frame < 30; frame++) {
      log.append(" at com shop checkout Step")
          .append(random.nextInt(50))
          .append(" run line ")
          .append(frame);
    }
    return log.toString();
  }

  private static String pick(Random random, String[] pool) {
    return pool[random.nextInt(pool.length)];
  }
}
