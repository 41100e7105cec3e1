package org.sanjeh.sentiment.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a message down to the customer's own words before any model reads it: quoted earlier
 * messages (often the agent's reply, which would be scored as the customer's), signatures and
 * sign-offs (formulaic "Best regards" is no sentiment), URLs and e-mail addresses. Less text is
 * also less parsing, which is why this is the first of the speed-ups.
 *
 * <p>What counts as quoted: lines starting with {@code >}, and everything from a reply header on
 * ({@code On … wrote:}, {@code -----Original Message-----}, an Outlook {@code From:}/{@code Sent:}
 * block, a line of underscores, Persian {@code … نوشت:}). What counts as a signature: everything
 * from a {@code -- } line on, {@code Sent from my …} lines, and a sign-off line ({@code Best
 * regards,}, {@code Thanks,}, {@code با احترام}, …) followed by at most four short lines.
 */
public final class TextCleaner {

  /** Part of every English and Persian model version: a change here changes answers. */
  public static final String VERSION = "clean1";

  private static final Pattern URL =
      Pattern.compile("(?i)\\b(?:https?://|ftp://|www\\.)[^\\s<>\"]+");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  private static final Pattern REPLY_HEADER =
      Pattern.compile(
          "(?i)^\\s*(?:on\\b.{0,200}\\bwrote:|-{2,}\\s*original message\\s*-{2,}|_{8,}|"
              + ".{0,200}نوشت\\s*:)\\s*$");
  private static final Pattern OUTLOOK_FROM =
      Pattern.compile("(?i)^\\s*(?:from|از)\\s*:\\s*\\S.*$");
  private static final Pattern OUTLOOK_FIELD =
      Pattern.compile("(?i)^\\s*(?:sent|date|to|subject|cc)\\s*:.*$");
  private static final Pattern SIGNATURE_DELIMITER = Pattern.compile("^--\\s?$");
  private static final Pattern SENT_FROM =
      Pattern.compile("(?i)^\\s*(?:sent from my|get outlook for|ارسال شده از)\\b.*$");
  private static final Pattern SIGN_OFF =
      Pattern.compile(
          "(?i)^\\s*(?:best regards|kind regards|warm regards|regards|best wishes|best|cheers|"
              + "sincerely|yours sincerely|yours truly|thanks|thank you|many thanks|thx|"
              + "با احترام|با سپاس|با تشکر|با تشکر فراوان|ارادتمند|قربان شما|سپاس)"
              + "\\s*[,،.]?\\s*$");
  private static final int SIGNATURE_TAIL_LINES = 4;
  private static final int SIGNATURE_LINE_CHARS = 60;

  public String clean(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\\R", -1)));
    cutFromFirst(lines, REPLY_HEADER);
    cutOutlookHeader(lines);
    cutFromFirst(lines, SIGNATURE_DELIMITER);
    lines.removeIf(
        line -> line.stripLeading().startsWith(">") || SENT_FROM.matcher(line).matches());
    cutSignOff(lines);
    String joined = String.join("\n", lines);
    joined = URL.matcher(joined).replaceAll(" ");
    joined = EMAIL.matcher(joined).replaceAll(" ");
    return joined.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
  }

  private static void cutFromFirst(List<String> lines, Pattern marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (marker.matcher(lines.get(i)).matches()) {
        lines.subList(i, lines.size()).clear();
        return;
      }
    }
  }

  /** {@code From: …} starts a quoted reply only when header fields ({@code Sent:}, …) follow it. */
  private static void cutOutlookHeader(List<String> lines) {
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (OUTLOOK_FROM.matcher(lines.get(i)).matches()
          && OUTLOOK_FIELD.matcher(lines.get(i + 1)).matches()) {
        lines.subList(i, lines.size()).clear();
        return;
      }
    }
  }

  /**
   * A sign-off line counts only after some text and before a name block (one to four short lines):
   * a message that is just "Thanks!" is the customer's whole message, not a signature.
   */
  private static void cutSignOff(List<String> lines) {
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    int from = Math.max(0, lines.size() - 1 - SIGNATURE_TAIL_LINES);
    for (int i = Math.max(1, from); i < lines.size() - 1; i++) {
      if (SIGN_OFF.matcher(lines.get(i)).matches()
          && isNameBlock(lines.subList(i + 1, lines.size()))) {
        lines.subList(i, lines.size()).clear();
        return;
      }
    }
  }

  private static boolean isNameBlock(List<String> tail) {
    return tail.stream().allMatch(line -> line.strip().length() <= SIGNATURE_LINE_CHARS);
  }
}
