package org.sanjeh.core.calendar.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case in the project's shared conformance folder (transcribed from Chatwoot, biz and
 * Zammad) through the engine and compares with the peer's assertion. The cases Sanjeh deliberately
 * decides otherwise are listed here with the reason (and in docs/calendars.md); for those the test
 * checks that the engine still differs, so the list cannot go stale.
 */
class ConformanceTest {

  static final Map<String, String> DEVIATIONS =
      Map.of(
          "chatwoot-bh-002",
          "A calendar with no opening hours is refused with an error instead of silently becoming"
              + " 24/7: a misconfigured calendar must be noticed, not guessed.",
          "biz-009",
          "between() is signed: a reversed span is negative, not 0, so spans add up in any order"
              + " and reversed input shows up instead of vanishing.",
          "zammad-sla-002",
          "The peer's test sets first_response_at as a field with no agent article, so its update"
              + " clock keeps running; in Sanjeh an agent_reply is a real public reply and answers"
              + " the customer's message, which ends the next-response clock.");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everySharedCaseMatchesOrIsADocumentedDeviation() throws IOException {
    Path folder = conformanceFolder();
    assumeTrue(
        Files.isDirectory(folder),
        "no conformance cases at "
            + folder
            + ": check out the project's shared folder beside it or set -Dsanjeh.shared");
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            JsonNode testCase = JSON.readTree(line);
            tests.add(DynamicTest.dynamicTest(testCase.path("id").asText(), () -> check(testCase)));
          }
        }
      }
    }
    assertThat(tests).as("conformance cases found in " + folder).isNotEmpty();
    return tests.stream();
  }

  private static void check(JsonNode testCase) {
    String id = testCase.path("id").asText();
    ObjectNode result = ConformanceCases.evaluate(stripExpectations(testCase));
    List<String> differences = differences(testCase, result);
    if (DEVIATIONS.containsKey(id)) {
      assertThat(differences)
          .as(
              "%s is listed as a deliberate deviation (%s) but now matches the peer: remove it from the list",
              id, DEVIATIONS.get(id))
          .isNotEmpty();
    } else {
      assertThat(differences).as("case %s: %s", id, testCase.path("source").asText()).isEmpty();
    }
  }

  /** What the engine computed that differs from the peer's assertion, key by key. */
  static List<String> differences(JsonNode testCase, JsonNode result) {
    List<String> differences = new ArrayList<>();
    if (result.has("error")) {
      differences.add("error: " + result.get("error").asText());
      return differences;
    }
    switch (testCase.path("kind").asText()) {
      case "add" -> compare(differences, "result", testCase.get("expected"), result.get("result"));
      case "between" ->
          compare(
              differences,
              "result_seconds",
              testCase.get("expected_seconds"),
              result.get("result_seconds"));
      case "sla" -> {
        Iterator<Map.Entry<String, JsonNode>> expected = testCase.get("expected").fields();
        while (expected.hasNext()) {
          Map.Entry<String, JsonNode> field = expected.next();
          compare(
              differences,
              field.getKey(),
              field.getValue(),
              result.get("result").get(field.getKey()));
        }
      }
      default -> differences.add("unknown kind");
    }
    return differences;
  }

  private static void compare(
      List<String> differences, String key, JsonNode expected, JsonNode actual) {
    JsonNode got = actual == null ? JSON.nullNode() : actual;
    boolean same =
        expected.isNumber() && got.isNumber()
            ? expected.asLong() == got.asLong()
            : expected.equals(got);
    if (!same) {
      differences.add(key + ": peer " + expected + ", Sanjeh " + got);
    }
  }

  /** The engine must never see the answers. */
  private static JsonNode stripExpectations(JsonNode testCase) {
    ObjectNode copy = testCase.deepCopy();
    copy.remove(List.of("expected", "expected_seconds"));
    return copy;
  }

  static Path conformanceFolder() {
    String shared = System.getProperty("sanjeh.shared");
    Path base = shared != null ? Path.of(shared) : Path.of("..", "..", "shared");
    return base.resolve("conformance").toAbsolutePath().normalize();
  }
}
