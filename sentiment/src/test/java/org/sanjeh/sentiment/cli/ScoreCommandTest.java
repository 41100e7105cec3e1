package org.sanjeh.sentiment.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScoreCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Run(int exitCode, List<JsonNode> lines, String err) {}

  private static Run score(Path input, Path cache) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new SentimentCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int exit = command.execute("score", "--cache", cache.toString(), input.toString());
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return new Run(exit, lines, err.toString());
  }

  @Test
  void printsOneJsonLinePerInputInInputOrder(@TempDir Path folder) throws Exception {
    Path input = folder.resolve("in.txt");
    Files.writeString(
        input,
        """
        سفارشم هنوز نرسیده و کسی جواب نمیده
        This is a wonderful service, I love it.
        {"text": "خیلی ممنون، عالی بود", "id": 7}
        شكرا جزيلا
        """,
        StandardCharsets.UTF_8);
    Run run = score(input, folder.resolve("cache"));
    assertThat(run.exitCode()).isZero();
    assertThat(run.lines())
        .extracting(l -> l.get("language").asText())
        .containsExactly("fa", "en", "fa", "ar");
    assertThat(run.lines())
        .extracting(l -> l.get("label").asText())
        .containsExactly("negative", "positive", "positive", "null");
    assertThat(run.lines().get(1).get("model").asText()).startsWith("corenlp-sentiment-sr@4.5.10");
    assertThat(run.lines().get(0).get("model").asText()).startsWith("sanjeh-fa-lexicon@");
    assertThat(run.lines().get(3).get("score").isNull()).isTrue();
  }

  @Test
  void aSecondRunFromTheCacheAnswersTheSame(@TempDir Path folder) throws Exception {
    Path input = folder.resolve("in.txt");
    Files.writeString(
        input, "It broke again.\nThanks, all good now!\nمشکل حل شد\n", StandardCharsets.UTF_8);
    Run first = score(input, folder.resolve("cache"));
    Run second = score(input, folder.resolve("cache"));
    assertThat(second.lines()).isEqualTo(first.lines());
    assertThat(Files.readAllLines(folder.resolve("cache").resolve("scores-v1.tsv"))).hasSize(3);
  }

  @Test
  void aJsonLineWithoutTextPrintsAnErrorInItsPlaceAndFailsTheRun(@TempDir Path folder)
      throws Exception {
    Path input = folder.resolve("in.jsonl");
    Files.writeString(
        input, "{\"text\": \"مرسی\"}\n{\"body\": \"x\"}\n{not json\n", StandardCharsets.UTF_8);
    Run run = score(input, folder.resolve("cache"));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.lines()).hasSize(3);
    assertThat(run.lines().get(1).get("line").asInt()).isEqualTo(2);
    assertThat(run.lines().get(1).get("error").asText()).contains("\"text\"");
    assertThat(run.lines().get(2).get("error").asText()).contains("not valid JSON");
    assertThat(run.err()).contains("line 2").contains("line 3");
  }

  @Test
  void aMissingInputFileIsNamed(@TempDir Path folder) throws Exception {
    Run run = score(folder.resolve("nope.txt"), folder.resolve("cache"));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("nope.txt");
  }
}
