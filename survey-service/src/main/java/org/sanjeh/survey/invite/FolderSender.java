package org.sanjeh.survey.invite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.sanjeh.core.event.Channel;

/**
 * The local default sender: each invitation becomes files in a folder the demo shows, an HTML
 * e-mail with one-click score buttons ({@code ID.html}) and, for chat channels (WhatsApp, Telegram,
 * SMS), the plain-text message with the link ({@code ID.txt}).
 */
public final class FolderSender implements Sender {

  private final Path outbox;

  public FolderSender(Path outbox) {
    this.outbox = outbox;
    try {
      Files.createDirectories(outbox);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the survey outbox " + outbox, e);
    }
  }

  @Override
  public void send(Message message) {
    boolean persian = "fa".equals(message.language());
    try {
      Files.writeString(outbox.resolve(message.invitationId() + ".html"), html(message, persian));
      if (message.channel() == Channel.WHATSAPP
          || message.channel() == Channel.TELEGRAM
          || message.channel() == Channel.SMS) {
        String text =
            persian
                ? "لطفاً با یک کلیک به ما بگویید چطور بودیم: "
                : "How did we do? Tell us in one click: ";
        Files.writeString(
            outbox.resolve(message.invitationId() + ".txt"), text + message.link() + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the invitation to " + outbox, e);
    }
  }

  private static String html(Message message, boolean persian) {
    StringBuilder buttons = new StringBuilder();
    for (Map.Entry<Integer, String> score : message.oneClick().entrySet()) {
      String label = persian ? persianDigits(score.getKey()) : Integer.toString(score.getKey());
      buttons
          .append("<a href=\"")
          .append(escape(score.getValue()))
          .append(
              "\" style=\"display:inline-block;min-width:36px;padding:10px;margin:2px;border:2px solid #14427f;border-radius:6px;color:#14427f;text-decoration:none;text-align:center\">")
          .append(label)
          .append("</a>");
    }
    String question = persian ? "از پشتیبانی ما چقدر راضی بودید؟" : "How did we do?";
    return "<!DOCTYPE html><html lang=\""
        + (persian ? "fa" : "en")
        + "\" dir=\""
        + (persian ? "rtl" : "ltr")
        + "\"><head><meta charset=\"utf-8\"></head>"
        + "<body style=\"font-family:Tahoma,sans-serif\"><p>"
        + question
        + "</p><p>"
        + buttons
        + "</p>"
        + "<p><a href=\""
        + escape(message.link())
        + "\">"
        + (persian ? "باز کردن نظرسنجی" : "Open the survey")
        + "</a></p></body></html>\n";
  }

  private static String persianDigits(int value) {
    StringBuilder out = new StringBuilder();
    for (char c : Integer.toString(value).toCharArray()) {
      out.append((char) ('\u06F0' + (c - '0')));
    }
    return out.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }
}
