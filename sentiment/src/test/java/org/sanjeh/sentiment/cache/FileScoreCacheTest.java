package org.sanjeh.sentiment.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.sentiment.ModelId;
import org.sanjeh.sentiment.SentenceScore;
import org.sanjeh.sentiment.TextScore;

class FileScoreCacheTest {

  private static final ModelId MODEL = new ModelId("m", "1");
  private static final TextScore SCORE =
      TextScore.lengthWeighted(
          List.of(new SentenceScore(0.1 + 0.2, 7, 0), new SentenceScore(-1.0 / 3, 80, 12)));

  @Test
  void aScoreReadBackEqualsTheOneWrittenBitForBit(@TempDir Path folder) {
    try (FileScoreCache cache = FileScoreCache.open(folder)) {
      cache.put(MODEL, "text", SCORE);
    }
    try (FileScoreCache cache = FileScoreCache.open(folder)) {
      assertThat(cache.get(MODEL, "text")).contains(SCORE);
      assertThat(cache.get(new ModelId("m", "2"), "text")).isEmpty();
    }
  }

  @Test
  void theFileHoldsNoTextOnlyItsHash(@TempDir Path folder) throws Exception {
    try (FileScoreCache cache = FileScoreCache.open(folder)) {
      cache.put(MODEL, "my phone number is 0912", SCORE);
    }
    String content = Files.readString(folder.resolve(FileScoreCache.FILE_NAME));
    assertThat(content).doesNotContain("phone").doesNotContain("0912");
  }

  @Test
  void aTornLineIsSkippedAndTheRestKept(@TempDir Path folder) throws Exception {
    try (FileScoreCache cache = FileScoreCache.open(folder)) {
      cache.put(MODEL, "a", SCORE);
    }
    Files.writeString(
        folder.resolve(FileScoreCache.FILE_NAME),
        "0123abc\t0.5\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    try (FileScoreCache cache = FileScoreCache.open(folder)) {
      assertThat(cache.get(MODEL, "a")).contains(SCORE);
      assertThat(cache.skippedLines()).isEqualTo(1);
    }
  }
}
