package org.sanjeh.core.calendar.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sanjeh.core.cli.Commands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./sanjeh calendar eval FILE.jsonl}: one result line per conformance case, in order.
 * Malformed lines produce an error line naming the line number, and evaluation goes on.
 */
@Command(
    name = "calendar",
    description = "Business-hours and SLA calendars.",
    mixinStandardHelpOptions = true,
    subcommands = ConformanceCli.Eval.class)
public final class ConformanceCli {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) {
    Commands.main(new ConformanceCli(), args);
  }

  @Command(
      name = "eval",
      description =
          "Evaluate business-hours and SLA conformance cases, one JSON result line per case"
              + " (see docs/calendars.md).",
      mixinStandardHelpOptions = true)
  static final class Eval implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.jsonl", description = "The cases, one JSON object a line.")
    Path file;

    @Override
    public Integer call() throws IOException {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no such file: " + file);
      }
      evaluate(file);
      return Commands.OK;
    }
  }

  static void evaluate(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
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
