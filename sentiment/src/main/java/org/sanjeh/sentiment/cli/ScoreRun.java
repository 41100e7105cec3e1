package org.sanjeh.sentiment.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sanjeh.sentiment.SentenceScore;
import org.sanjeh.sentiment.Sentiment;
import org.sanjeh.sentiment.SentimentScorer;
import org.sanjeh.sentiment.cache.FileScoreCache;
import org.sanjeh.sentiment.cache.MemoryScoreCache;
import org.sanjeh.sentiment.cache.ScoreCache;

/**
 * The work of {@code sentiment score}: reads texts a chunk at a time, scores them, prints one JSON
 * line each in input order. A line that cannot be read (JSON without a "text" string) prints an
 * {@code error} line in its place, so output line N always answers input line N, and the run exits
 * 1.
 */
final class ScoreRun {

  private static final int CHUNK = 1_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path cacheDirectory;
  private final boolean withSentences;

  /** {@code cacheDirectory} null: an in-memory cache for this run only. */
  ScoreRun(Path cacheDirectory, boolean withSentences) {
    this.cacheDirectory = cacheDirectory;
    this.withSentences = withSentences;
  }

  int run(String input, PrintWriter out, PrintWriter err) throws IOException {
    FileScoreCache file = cacheDirectory == null ? null : FileScoreCache.open(cacheDirectory);
    ScoreCache cache = file == null ? new MemoryScoreCache() : file;
    int errors = 0;
    try (BufferedReader lines = open(input)) {
      SentimentScorer scorer = SentimentScorer.standard(cache);
      List<String> chunk = new ArrayList<>(CHUNK);
      int lineNumber = 0;
      String line;
      while ((line = lines.readLine()) != null) {
        chunk.add(line);
        if (chunk.size() == CHUNK) {
          errors += print(scorer, chunk, lineNumber, out, err);
          lineNumber += chunk.size();
          chunk.clear();
        }
      }
      errors += print(scorer, chunk, lineNumber, out, err);
    } catch (NoSuchFileException e) {
      err.println("sentiment score: no input file " + input);
      return 2;
    } finally {
      if (file != null) {
        file.close();
      }
    }
    out.flush();
    if (errors > 0) {
      err.printf(
          "sentiment score: %d input line(s) could not be read (see the error lines)%n", errors);
    }
    return errors == 0 ? 0 : 1;
  }

  private int print(
      SentimentScorer scorer, List<String> lines, int before, PrintWriter out, PrintWriter err) {
    int errors = 0;
    for (int i = 0; i < lines.size(); i++) {
      int lineNumber = before + i + 1;
      String text;
      try {
        text = text(lines.get(i));
      } catch (IllegalArgumentException e) {
        errors++;
        ObjectNode error = JSON.createObjectNode();
        error.put("line", lineNumber);
        error.put("error", e.getMessage());
        out.println(error);
        err.printf("sentiment score: line %d: %s%n", lineNumber, e.getMessage());
        continue;
      }
      out.println(json(scorer.score(text)));
    }
    out.flush();
    return errors;
  }

  /** A JSON object's "text", or the line itself when it is not a JSON object. */
  static String text(String line) {
    if (!line.stripLeading().startsWith("{")) {
      return line;
    }
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          "starts with { but is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    JsonNode text = node.get("text");
    if (text == null || !text.isTextual()) {
      throw new IllegalArgumentException("JSON object has no \"text\" string field");
    }
    return text.asText();
  }

  private ObjectNode json(Sentiment sentiment) {
    ObjectNode node = JSON.createObjectNode();
    if (sentiment.scored()) {
      node.put("label", sentiment.label().wire());
      node.put("score", Math.round(sentiment.score() * 10_000) / 10_000.0);
    } else {
      node.putNull("label");
      node.putNull("score");
    }
    node.put("language", sentiment.language());
    if (sentiment.model().isPresent()) {
      node.put("model", sentiment.model().get().toString());
    } else {
      node.putNull("model");
    }
    if (withSentences) {
      var array = node.putArray("sentences");
      for (SentenceScore sentence : sentiment.detail().sentences()) {
        ObjectNode s = array.addObject();
        s.put("score", Math.round(sentence.score() * 10_000) / 10_000.0);
        s.put("tokens", sentence.tokens());
        s.put("cut_tokens", sentence.cutTokens());
      }
    }
    return node;
  }

  private static BufferedReader open(String input) throws IOException {
    if ("-".equals(input)) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    return Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
  }
}
