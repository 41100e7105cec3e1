package org.sanjeh.sentiment.persian;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sanjeh's Persian support-domain lexicon, read from a tab-separated file whose every entry is
 * normalised with {@link PersianTokens}, the same analysis the text gets. Lines are {@code kind TAB
 * entry [TAB value]}:
 *
 * <ul>
 *   <li>{@code polarity}: a word, a phrase of several words, or either ending in {@code *} (the
 *       last word is a prefix: "حل شد*" covers "حل شده", "حل شدن"), with a value in [-1, 1];
 *   <li>{@code negator-after}: a negated verb that reverses the polar word before it ("خوب نیست");
 *   <li>{@code negator-before}: a word that reverses the polar word after it ("بدون مشکل");
 *   <li>{@code intensifier}: a word that scales the next polar word by its value ("خیلی بد");
 *   <li>{@code clause-break}: a conjunction that ends a negation's reach ("ولی").
 * </ul>
 *
 * A negator or intensifier entry ending in {@code *} matches any token it begins (the negative
 * present prefix "نمی" written together with its verb).
 */
public final class PersianLexicon {

  static final int MAX_PHRASE_TOKENS = 4;
  private static final int MIN_PREFIX_CHARS = 3;

  private final Map<String, Double> polarity = new HashMap<>();
  private final Map<String, Double> polarityPrefixes = new HashMap<>();

  /** Phrases whose last word is a prefix: leading words joined → (last-word prefix → value). */
  private final Map<String, Map<String, Double>> phrasePrefixes = new HashMap<>();

  private final WordSet negatorsAfter = new WordSet();
  private final WordSet negatorsBefore = new WordSet();
  private final Map<String, Double> intensifiers = new HashMap<>();
  private final Set<String> clauseBreaks = new HashSet<>();

  public static PersianLexicon bundled() {
    String resource = "lexicon-fa.tsv";
    try (InputStream in = PersianLexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the Persian lexicon " + resource + " is not on the classpath");
      }
      return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PersianLexicon read(BufferedReader lines, String source) throws IOException {
    PersianLexicon lexicon = new PersianLexicon();
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      try {
        lexicon.add(line.split("\t"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "%s line %d: %s".formatted(source, number, e.getMessage()), e);
      }
    }
    return lexicon;
  }

  private void add(String[] fields) {
    if (fields.length < 2) {
      throw new IllegalArgumentException("expected kind TAB entry [TAB value]");
    }
    String kind = fields[0].strip();
    String raw = fields[1].strip();
    boolean prefix = raw.endsWith("*");
    String entry = PersianTokens.normalised(prefix ? raw.substring(0, raw.length() - 1) : raw);
    if (entry.isEmpty()) {
      throw new IllegalArgumentException("entry \"" + raw + "\" has no word in it");
    }
    switch (kind) {
      case "polarity" -> {
        double value = value(fields, -1, 1);
        if (prefix && entry.contains(" ")) {
          int lastSpace = entry.lastIndexOf(' ');
          phrasePrefixes
              .computeIfAbsent(entry.substring(0, lastSpace), k -> new HashMap<>())
              .put(entry.substring(lastSpace + 1), value);
        } else if (prefix) {
          requirePrefixLength(raw, entry);
          polarityPrefixes.put(entry, value);
        } else {
          polarity.put(entry, value);
        }
      }
      case "negator-after" -> negatorsAfter.add(entry, prefix);
      case "negator-before" -> negatorsBefore.add(entry, prefix);
      case "intensifier" -> intensifiers.put(entry, value(fields, 0, 3));
      case "clause-break" -> clauseBreaks.add(entry);
      default -> throw new IllegalArgumentException("unknown kind \"" + kind + "\"");
    }
  }

  private static void requirePrefixLength(String raw, String entry) {
    if (entry.length() < MIN_PREFIX_CHARS) {
      throw new IllegalArgumentException(
          "prefix \"%s\" must have at least %d letters".formatted(raw, MIN_PREFIX_CHARS));
    }
  }

  private static double value(String[] fields, double min, double max) {
    if (fields.length < 3) {
      throw new IllegalArgumentException("entry \"" + fields[1] + "\" needs a value");
    }
    double value;
    try {
      value = Double.parseDouble(fields[2].strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("value \"" + fields[2] + "\" is not a number");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "value %s of \"%s\" is outside [%s, %s]".formatted(value, fields[1], min, max));
    }
    return value;
  }

  /** The polarity of the phrase {@code tokens[from, from + length)}, joined as in the lexicon. */
  Optional<Double> phrase(List<String> tokens, int from, int length) {
    Double exact = polarity.get(String.join(" ", tokens.subList(from, from + length)));
    if (exact != null) {
      return Optional.of(exact);
    }
    Map<String, Double> lastWords =
        phrasePrefixes.get(String.join(" ", tokens.subList(from, from + length - 1)));
    if (lastWords == null) {
      return Optional.empty();
    }
    String last = tokens.get(from + length - 1);
    return lastWords.entrySet().stream()
        .filter(e -> last.startsWith(e.getKey()))
        .max(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(String::length)))
        .map(Map.Entry::getValue);
  }

  /** A single token's polarity: the exact entry, else the longest prefix entry it starts with. */
  Optional<Double> word(String token) {
    Double exact = polarity.get(token);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (int end = token.length(); end >= MIN_PREFIX_CHARS; end--) {
      Double value = polarityPrefixes.get(token.substring(0, end));
      if (value != null) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  boolean negatesBefore(String token) {
    return negatorsAfter.contains(token);
  }

  boolean negatesAfter(String token) {
    return negatorsBefore.contains(token);
  }

  Optional<Double> intensity(String token) {
    return Optional.ofNullable(intensifiers.get(token));
  }

  boolean breaksClause(String token) {
    return clauseBreaks.contains(token);
  }

  public int size() {
    return polarity.size()
        + polarityPrefixes.size()
        + phrasePrefixes.values().stream().mapToInt(Map::size).sum();
  }

  /** Words matched exactly, or by prefix for entries written with {@code *}. */
  private static final class WordSet {
    private final Set<String> words = new HashSet<>();
    private final List<String> prefixes = new ArrayList<>();

    void add(String entry, boolean prefix) {
      if (prefix) {
        prefixes.add(entry);
      } else {
        words.add(entry);
      }
    }

    boolean contains(String token) {
      return words.contains(token) || prefixes.stream().anyMatch(token::startsWith);
    }
  }
}
