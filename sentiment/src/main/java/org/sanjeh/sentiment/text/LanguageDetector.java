package org.sanjeh.sentiment.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells the language of a support message from its script, and for Latin script from its function
 * words. Cheap on purpose: it decides which model may read a text, and the one rule that matters is
 * that no Persian, Arabic or other non-English text reaches the English model.
 *
 * <ul>
 *   <li>Arabic script with a Persian-only letter (پ چ ژ گ ک ی) is {@code fa}; Arabic script with an
 *       Arabic-only letter (ة ي ى ك) and no Persian one is {@code ar}; otherwise Arabic script is
 *       {@code fa} (Sanjeh's users write Persian far more often than Arabic).
 *   <li>Latin script is {@code en} unless French, German, Spanish, Italian or Portuguese function
 *       words outnumber the English ones.
 *   <li>Other scripts (Cyrillic, Hebrew, CJK, …) and text without letters: {@code und}.
 * </ul>
 *
 * A text is judged by its majority script, so an English sentence with one Persian name stays
 * English and a Persian message quoting an English error code stays Persian.
 */
public final class LanguageDetector {

  public static final String ENGLISH = "en";
  public static final String PERSIAN = "fa";
  public static final String ARABIC = "ar";
  public static final String UNDETERMINED = "und";

  private static final String PERSIAN_ONLY = "پچژگکی";
  private static final String ARABIC_ONLY = "ةيىك";
  private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

  private static final Set<String> ENGLISH_WORDS =
      Set.of(
          "the", "a", "an", "is", "are", "was", "i", "you", "my", "your", "it", "to", "and", "of",
          "not", "no", "this", "that", "for", "with", "have", "has", "please", "thanks", "thank",
          "can", "be", "in", "on", "me", "we", "do", "does", "did", "but", "what", "still");
  private static final java.util.Map<String, Set<String>> OTHER_LATIN =
      java.util.Map.of(
          "fr",
          Set.of("le", "la", "les", "est", "je", "vous", "pas", "une", "des", "merci", "et", "mon"),
          "de",
          Set.of("der", "die", "das", "ist", "ich", "nicht", "und", "sie", "ein", "danke", "mein"),
          "es",
          Set.of("el", "los", "las", "es", "yo", "usted", "no", "una", "gracias", "y", "mi", "por"),
          "it",
          Set.of("il", "lo", "gli", "sono", "io", "non", "grazie", "una", "per", "che", "mio"),
          "pt",
          Set.of("o", "os", "não", "obrigado", "obrigada", "uma", "meu", "você", "por", "que"));

  public String detect(String text) {
    ScriptCounts counts = ScriptCounts.of(text);
    return switch (counts.majority()) {
      case ARABIC_SCRIPT -> arabicScriptLanguage(text);
      case LATIN -> latinLanguage(text);
      case OTHER, NONE -> UNDETERMINED;
    };
  }

  public boolean isEnglish(String language) {
    return ENGLISH.equals(language);
  }

  private static String arabicScriptLanguage(String text) {
    boolean persian = containsAny(text, PERSIAN_ONLY);
    boolean arabic = containsAny(text, ARABIC_ONLY);
    return arabic && !persian ? ARABIC : PERSIAN;
  }

  private static String latinLanguage(String text) {
    java.util.Map<String, Integer> hits = new java.util.HashMap<>();
    var words = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (words.find()) {
      String word = words.group();
      if (ENGLISH_WORDS.contains(word)) {
        hits.merge(ENGLISH, 1, Integer::sum);
      }
      OTHER_LATIN.forEach(
          (language, functionWords) -> {
            if (functionWords.contains(word)) {
              hits.merge(language, 1, Integer::sum);
            }
          });
    }
    int english = hits.getOrDefault(ENGLISH, 0);
    return hits.entrySet().stream()
        .filter(e -> !e.getKey().equals(ENGLISH) && e.getValue() > english)
        .max(java.util.Map.Entry.comparingByValue())
        .map(java.util.Map.Entry::getKey)
        .orElse(ENGLISH);
  }

  private static boolean containsAny(String text, String letters) {
    for (int i = 0; i < text.length(); i++) {
      if (letters.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private enum Script {
    LATIN,
    ARABIC_SCRIPT,
    OTHER,
    NONE
  }

  private record ScriptCounts(int latin, int arabic, int other) {

    static ScriptCounts of(String text) {
      int latin = 0;
      int arabic = 0;
      int other = 0;
      for (int i = 0; i < text.length(); ) {
        int codePoint = text.codePointAt(i);
        i += Character.charCount(codePoint);
        if (!Character.isLetter(codePoint)) {
          continue;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        switch (script) {
          case LATIN -> latin++;
          case ARABIC -> arabic++;
          default -> other++;
        }
      }
      return new ScriptCounts(latin, arabic, other);
    }

    Script majority() {
      if (latin == 0 && arabic == 0 && other == 0) {
        return Script.NONE;
      }
      if (arabic >= latin && arabic >= other) {
        return Script.ARABIC_SCRIPT;
      }
      return latin >= other ? Script.LATIN : Script.OTHER;
    }
  }
}
