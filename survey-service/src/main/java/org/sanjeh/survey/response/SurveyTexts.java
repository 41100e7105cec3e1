package org.sanjeh.survey.response;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
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
    t.put("ends", ends(kind, fa));
    t.put(
        "recorded",
        fa
            ? "سپاس، پاسخ شما ثبت شد. تا ۲۴ ساعت می‌توانید آن را تغییر دهید."
            : "Thank you, your answer is recorded. You can change it here for 24 hours.");
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
    return t;
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

  private static String ends(SurveyKind kind, boolean fa) {
    return switch (kind) {
      case CSAT ->
          fa ? "۱ = خیلی ناراضی، ۵ = خیلی راضی" : "1 = very unsatisfied, 5 = very satisfied";
      case NPS -> fa ? "۰ = اصلاً، ۱۰ = حتماً" : "0 = not at all likely, 10 = extremely likely";
      case CES ->
          fa ? "۱ = کاملاً مخالفم، ۷ = کاملاً موافقم" : "1 = strongly disagree, 7 = strongly agree";
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
