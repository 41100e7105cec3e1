package org.sanjeh.sentiment.cache;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sanjeh.sentiment.ModelId;
import org.sanjeh.sentiment.SentenceScore;
import org.sanjeh.sentiment.TextScore;

/**
 * A cache that outlives the JVM: what lets {@code sentiment score} answer texts it has seen in a
 * second or two without loading CoreNLP. One append-only file of lines {@code key TAB score TAB
 * sentences}, where the key is a SHA-256 of model id and text (no text is stored) and sentences are
 * {@code score:tokens:cut} joined by {@code ;}. Doubles are written exactly ({@link
 * Double#toString}), so a cached answer equals the computed one bit for bit. A torn or foreign line
 * (two processes appending at once, a crash) is skipped when the file is read.
 */
public final class FileScoreCache implements ScoreCache, AutoCloseable {

  static final String FILE_NAME = "scores-v1.tsv";

  private final ConcurrentHashMap<String, TextScore> scores = new ConcurrentHashMap<>();
  private final BufferedWriter out;
  private int skippedLines;

  private FileScoreCache(Path file) throws IOException {
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        parse(line);
      }
    }
    out =
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Opens (creating) the cache file in {@code directory}. */
  public static FileScoreCache open(Path directory) {
    try {
      Files.createDirectories(directory);
      return new FileScoreCache(directory.resolve(FILE_NAME));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the sentiment score cache in %s: %s (choose another with --cache, or --no-cache)"
              .formatted(directory, e.getMessage()),
          e);
    }
  }

  @Override
  public Optional<TextScore> get(ModelId model, String cleanedText) {
    return Optional.ofNullable(scores.get(CacheKey.of(model, cleanedText)));
  }

  @Override
  public synchronized void put(ModelId model, String cleanedText, TextScore score) {
    String key = CacheKey.of(model, cleanedText);
    if (scores.putIfAbsent(key, score) == null) {
      try {
        out.write(format(key, score));
        out.newLine();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to the sentiment score cache", e);
      }
    }
  }

  public int size() {
    return scores.size();
  }

  public int skippedLines() {
    return skippedLines;
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sentiment score cache", e);
    }
  }

  static String format(String key, TextScore score) {
    StringBuilder line = new StringBuilder(key).append('\t').append(score.score()).append('\t');
    for (int i = 0; i < score.sentences().size(); i++) {
      SentenceScore sentence = score.sentences().get(i);
      if (i > 0) {
        line.append(';');
      }
      line.append(sentence.score())
          .append(':')
          .append(sentence.tokens())
          .append(':')
          .append(sentence.cutTokens());
    }
    return line.toString();
  }

  private void parse(String line) {
    String[] fields = line.split("\t", -1);
    try {
      if (fields.length != 3 || fields[0].length() != 64) {
        throw new IllegalArgumentException("not a cache line");
      }
      List<SentenceScore> sentences = new ArrayList<>();
      if (!fields[2].isEmpty()) {
        for (String sentence : fields[2].split(";")) {
          String[] parts = sentence.split(":");
          sentences.add(
              new SentenceScore(
                  Double.parseDouble(parts[0]),
                  Integer.parseInt(parts[1]),
                  Integer.parseInt(parts[2])));
        }
      }
      scores.put(fields[0], new TextScore(Double.parseDouble(fields[1]), sentences));
    } catch (RuntimeException e) {
      skippedLines++;
    }
  }
}
