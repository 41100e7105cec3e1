package org.sanjeh.survey.response;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sanjeh.core.calendar.Jalali;
import org.sanjeh.core.survey.SurveyKind;

/** What the answer pages say, in English and Persian, with the standard question texts. */
final class SurveyTexts {

  static final List<String> REASONS = List.of("speed", "friendliness", "solution", "ease");

  private SurveyTexts() {}

  static boolean persian(String lang) {
    return "fa".equals(lang);
  }

  static Map<String, String> texts(String lang, SurveyKind kind, LocalDate openUntil) {
    boolean fa = persian(lang);
    Map<String, String> t = new LinkedHashMap<>();
    t.put("title", fa ? "نظرسنجی" : "Survey");
    t.put("question", question(kind, fa));
    t.put(
        "reasonsLegend",
        fa ? "چه چیزی برایتان مهم بود؟ (اختیاری)" : "What mattered to you? (optional)");
    t.put(
        "commentLabel",
        fa ? "نکته‌ای برای افزودن دارید؟ (اختیاری)" : "Anything you would like to add? (optional)");
    t.put("send", fa ? "ارسال" : "Send");
    t.put("thanks", fa ? "سپاسگزاریم!" : "Thank you!");
    t.put("saved", fa ? "پاسخ و توضیح شما ثبت شد." : "Your answer and comments are saved.");
    t.put(
        "expires",
        fa
            ? "این نظرسنجی تا "
                + digits(Jalali.fromGregorian(openUntil).replace('-', '/'), true)
                + " باز است."
            : "This survey is open until " + openUntil + ".");
    t.put("refused", fa ? "این پیوند کار نمی‌کند" : "This link does not work");
    t.put("low", lowEnd(kind, fa));
    t.put("high", highEnd(kind, fa));
    t.put(
        "chosenNote",
        fa
            ? "امتیاز انتخاب‌شده در پیام شما؛ برای ثبت، «ارسال» را بزنید."
            : "The score you chose in your message; press Send to record it.");
    t.put(
        "commentStep",
        fa
            ? "پاسخ شما ثبت شد. چیزی هست که بخواهید اضافه کنید؟"
            : "Your answer is recorded. Is there anything you would like to add?");
    t.put(
        "changeNote",
        fa ? "تا ۲۴ ساعت می‌توانید پاسخ را تغییر دهید." : "You can change it for 24 hours.");
    return t;
  }

  /**
   * The one line that says which conversation is rated: "Your e-mail conversation of 28 Nov 2026:
   * Refund for order 1234". Empty when nothing is known.
   */
  static String context(String lang, Instant resolvedAt, String channel, String subject) {
    boolean fa = persian(lang);
    LocalDate day = LocalDate.ofInstant(resolvedAt, ZoneOffset.UTC);
    String date =
        fa
            ? digits(Jalali.fromGregorian(day).replace('-', '/'), true)
            : day.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
    String line =
        fa
            ? "گفت‌وگوی شما " + channelName(channel, true) + " در " + date
            : "Your " + channelName(channel, false) + " conversation of " + date;
    if (subject == null || subject.isEmpty()) {
      return line;
    }
    // The subject is the customer's text, in either direction: isolated (FSI ... PDI) so a Persian
    // subject on an English page does not pull the date and the colon into its right-to-left run.
    return line + (fa ? "؛ " : ": ") + "\u2068" + subject + "\u2069";
  }

  private static String channelName(String wire, boolean fa) {
    return switch (wire == null ? "" : wire) {
      case "email" -> fa ? "با ایمیل" : "e-mail";
      case "chat" -> fa ? "در گفت‌وگوی آنلاین" : "chat";
      case "phone" -> fa ? "تلفنی" : "phone";
      case "whatsapp" -> fa ? "در واتس‌اپ" : "WhatsApp";
      case "telegram" -> fa ? "در تلگرام" : "Telegram";
      case "instagram" -> fa ? "در اینستاگرام" : "Instagram";
      case "x" -> fa ? "در ایکس" : "X";
      case "sms" -> fa ? "پیامکی" : "SMS";
      case "web_form" -> fa ? "از فرم وب" : "web form";
      case "in_person" -> fa ? "حضوری" : "in-person";
      default -> fa ? "با پشتیبانی" : "support";
    };
  }

  static Map<String, String> reasonLabels(String lang) {
    boolean fa = persian(lang);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("speed", fa ? "سرعت" : "Speed");
    labels.put("friendliness", fa ? "برخورد" : "Friendliness");
    labels.put("solution", fa ? "راه‌حل" : "The solution");
    labels.put("ease", fa ? "سهولت" : "Ease");
    return labels;
  }

  private static String question(SurveyKind kind, boolean fa) {
    return switch (kind) {
      case CSAT ->
          fa
              ? "چقدر از پشتیبانی که دریافت کردید راضی هستید؟"
              : "How satisfied are you with the support you received?";
      case NPS ->
          fa
              ? "چقدر احتمال دارد ما را به یک دوست یا همکار پیشنهاد کنید؟"
              : "How likely is it that you would recommend us to a friend or colleague?";
      case CES ->
          fa
              ? "شرکت رسیدگی به مشکلم را برایم آسان کرد. چقدر موافقید؟"
              : "The company made it easy for me to handle my issue. How much do you agree?";
    };
  }

  private static String lowEnd(SurveyKind kind, boolean fa) {
    return switch (kind) {
      case CSAT -> fa ? "خیلی ناراضی" : "Very unsatisfied";
      case NPS -> fa ? "اصلاً" : "Not at all likely";
      case CES -> fa ? "کاملاً مخالفم" : "Strongly disagree";
    };
  }

  private static String highEnd(SurveyKind kind, boolean fa) {
    return switch (kind) {
      case CSAT -> fa ? "خیلی راضی" : "Very satisfied";
      case NPS -> fa ? "حتماً" : "Extremely likely";
      case CES -> fa ? "کاملاً موافقم" : "Strongly agree";
    };
  }

  /** ASCII digits to Persian ones for Persian pages. */
  static String digits(String text, boolean persian) {
    if (!persian) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(c >= '0' && c <= '9' ? (char) ('\u06F0' + (c - '0')) : c);
    }
    return out.toString();
  }
}
