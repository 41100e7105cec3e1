package org.sanjeh.survey.invite;

import java.util.Map;
import org.sanjeh.survey.invite.Sender.Message;

/** The words of an invitation, in the customer's language: the e-mail's subject, HTML and text. */
final class InvitationMail {

  private InvitationMail() {}

  static boolean persian(Message message) {
    return "fa".equals(message.language());
  }

  static String subject(Message message) {
    return persian(message) ? "نظر شما دربارهٔ پشتیبانی ما" : "How did we do?";
  }

  /** The short text for chat channels and the plain part of the e-mail. */
  static String text(Message message) {
    String text =
        persian(message)
            ? "لطفاً با یک کلیک به ما بگویید چطور بودیم: "
            : "How did we do? Tell us in one click: ";
    return text + message.link() + "\n";
  }

  /** The e-mail body: one button per score, each recording its score with one click. */
  static String html(Message message) {
    boolean persian = persian(message);
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
