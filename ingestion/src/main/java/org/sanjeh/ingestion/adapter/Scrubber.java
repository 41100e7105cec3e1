package org.sanjeh.ingestion.adapter;

import java.util.regex.Pattern;

/**
 * Removes personal data from public sample text before it is stored: e-mail addresses, phone
 * numbers, and @-handles other than the brand's own.
 */
public final class Scrubber {

  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.[\\p{L}]{2,}");
  private static final Pattern PHONE =
      Pattern.compile("(?<![\\w/])\\+?\\d[\\d ()./-]{6,}\\d(?![\\w/])");
  private static final Pattern HANDLE = Pattern.compile("@([A-Za-z0-9_]{1,30})");

  private Scrubber() {}

  public static String scrub(String text, String brandHandle) {
    String withoutEmails = EMAIL.matcher(text).replaceAll("[email]");
    String withoutPhones = PHONE.matcher(withoutEmails).replaceAll("[phone]");
    return HANDLE
        .matcher(withoutPhones)
        .replaceAll(m -> m.group(1).equalsIgnoreCase(brandHandle) ? m.group() : "@customer");
  }
}
