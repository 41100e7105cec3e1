package org.sanjeh.core.calendar.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./sanjeh calendar eval FILE.jsonl}: one result line per conformance case, in order.
 * Malformed lines produce an error line naming the line number, and evaluation goes on.
 */
public final class ConformanceCli {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ConformanceCli() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: calendar eval FILE.jsonl");
      System.exit(2);
    }
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          System.out.println(evaluateLine(line, number));
        }
      }
    }
  }

  static String evaluateLine(String line, int number) throws JsonProcessingException {
    try {
      return JSON.writeValueAsString(ConformanceCases.evaluate(JSON.readTree(line)));
    } catch (JsonProcessingException e) {
      return JSON.writeValueAsString(
          JSON.createObjectNode()
              .put("line", number)
              .put("error", "unsupported: malformed JSON: " + e.getOriginalMessage()));
    }
  }
}
