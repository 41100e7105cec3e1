package org.sanjeh.sentiment.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EvalCommandTest {

  /** The project's shared folder sits next to the repository (module dir → ../../shared). */
  private static final Path SST = Path.of("../../shared/data/sst");

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new SentimentCommand());
    command.setOut(new PrintWriter(out));
    int exit = command.execute(args);
    assertThat(exit).isZero();
    return out.toString();
  }

  @Test
  void evalOnASliceOfSstTestPrintsOurFiguresNextToThePublishedOnes() {
    String report = run("eval", "--sst", SST.toString(), "--limit", "40");
    assertThat(report).contains("SST test: 40 sentences");
    assertThat(report).containsPattern("5-class root accuracy, gold trees +\\d+\\.\\d% +45\\.7%");
    assertThat(report).containsPattern("binary root accuracy, gold trees +\\d+\\.\\d% +85\\.4%");
    assertThat(report).containsPattern("binary root accuracy, shift-reduce parses +\\d+\\.\\d%");
    assertThat(report).contains("macro-F1");
    assertThat(report).containsPattern("5-class all phrases, gold trees +\\d+\\.\\d% +80\\.7%");
    assertThat(report).containsPattern("binary all phrases, gold trees +\\d+\\.\\d% +87\\.6%");
    assertThat(report).contains("where the gap comes from:");
  }

  @Test
  void thePersianEvaluationPrintsAccuracyAndTheConfusionTable() {
    String report = run("eval-fa", "--split", "test");
    assertThat(report).contains("Persian test set: 150 sentences").contains("macro-F1");
    assertThat(report).contains("confusion");
  }

  @Test
  void aMissingSstFolderIsNamed() {
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new SentimentCommand());
    command.setErr(new PrintWriter(err));
    command.setOut(new PrintWriter(new StringWriter()));
    int exit = command.execute("eval", "--sst", "/nonexistent/sst", "--limit", "5");
    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("/nonexistent/sst");
  }
}
