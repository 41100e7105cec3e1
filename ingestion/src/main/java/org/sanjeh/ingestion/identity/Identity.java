package org.sanjeh.ingestion.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import org.sanjeh.core.calendar.Digits;

/**
 * One way of reaching a customer, normalised so that the same person written differently is the
 * same key: {@code email:ali@example.com}, {@code phone:+989121234567}, {@code telegram:123456},
 * {@code whatsapp:+989121234567}, {@code x:handle}.
 *
 * @param kind email, phone, telegram, whatsapp, x or another channel's name
 * @param value the normalised value
 */
public record Identity(String kind, String value) {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  public String key() {
    return kind + ":" + value;
  }

  /** Trimmed and lower-cased: mailbox names are case-insensitive in practice. */
  public static Identity email(String address) {
    String normalized = address.strip().toLowerCase(Locale.ROOT);
    int lt = normalized.lastIndexOf('<');
    if (lt >= 0 && normalized.endsWith(">")) {
      normalized = normalized.substring(lt + 1, normalized.length() - 1).strip();
    }
    if (!normalized.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      // The value stays out of the message: errors end up in answers, logs and dead letters.
      throw new IllegalArgumentException(
          "the e-mail address is not valid (expected name@domain.tld, no spaces)");
    }
    return new Identity("email", normalized);
  }

  /**
   * A phone number in E.164. Persian and Arabic-Indic digits, spaces, dashes and brackets are
   * accepted; numbers without a country code are read in {@code defaultRegion} (e.g. IR: 0912…).
   */
  public static Identity phone(String number, String defaultRegion) {
    return new Identity("phone", e164(number, defaultRegion));
  }

  public static Identity whatsapp(String waId, String defaultRegion) {
    String digits = Digits.toAscii(waId).strip();
    return new Identity(
        "whatsapp", e164(digits.startsWith("+") ? digits : "+" + digits, defaultRegion));
  }

  public static Identity telegram(long userId) {
    return new Identity("telegram", Long.toString(userId));
  }

  public static String e164(String number, String defaultRegion) {
    String ascii = Digits.toAscii(number).strip();
    try {
      PhoneNumber parsed = PHONES.parse(ascii, defaultRegion);
      if (!PHONES.isPossibleNumber(parsed)) {
        throw new IllegalArgumentException(
            "the phone number (%d digits) is not a possible number; write it with its country code, e.g. +98 912 123 4567"
                .formatted(digitCount(ascii)));
      }
      return PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      throw new IllegalArgumentException(
          "this is not a phone number ("
              + e.getErrorType().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + "); write it with its country code, e.g. +98 912 123 4567",
          e);
    }
  }

  private static long digitCount(String text) {
    return text.chars().filter(Character::isDigit).count();
  }
}
