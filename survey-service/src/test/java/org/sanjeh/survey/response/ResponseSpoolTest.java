package org.sanjeh.survey.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.core.survey.SurveyKind;

class ResponseSpoolTest {

  @TempDir Path dir;

  @Test
  void aSecondDrainWaitsForTheRunningOneSoEveryAnswerIsStoredExactlyOnce() throws Exception {
    ResponseSpool spool = new ResponseSpool(dir);
    spool.append(answer("only-once", 5));
    List<SurveyResponse> stored = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch firstStoreEntered = new CountDownLatch(1);
    CountDownLatch releaseFirstStore = new CountDownLatch(1);
    ExecutorService drainers = Executors.newFixedThreadPool(2);
    try {
      Future<Long> first =
          drainers.submit(
              () ->
                  spool.drain(
                      batch -> {
                        firstStoreEntered.countDown();
                        await(releaseFirstStore);
                        stored.addAll(batch);
                      }));
      await(firstStoreEntered);
      Future<Long> second = drainers.submit(() -> spool.drain(stored::addAll));
      // Give the second drain every chance to run into the file the first is still storing.
      Thread.sleep(300);
      releaseFirstStore.countDown();
      assertThat(first.get() + second.get()).isEqualTo(1);
    } finally {
      releaseFirstStore.countDown();
      drainers.shutdownNow();
    }
    assertThat(stored).extracting(SurveyResponse::invitationId).containsExactly("only-once");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void appendedAnswersAreDrainedOnceInOrder() {
    ResponseSpool spool = new ResponseSpool(dir);
    spool.append(answer("a", 5));
    spool.append(answer("b", 2));
    List<SurveyResponse> stored = new ArrayList<>();

    assertThat(spool.drain(stored::addAll)).isEqualTo(2);
    assertThat(spool.drain(stored::addAll)).isZero();
    assertThat(stored).extracting(SurveyResponse::invitationId).containsExactly("a", "b");
    assertThat(stored.get(0)).isEqualTo(answer("a", 5));
  }

  @Test
  void aFailedStoreKeepsTheAnswersForTheNextDrain() {
    ResponseSpool spool = new ResponseSpool(dir);
    spool.append(answer("a", 4));

    assertThatThrownBy(
            () ->
                spool.drain(
                    r -> {
                      throw new IllegalStateException("ClickHouse is down");
                    }))
        .hasMessage("ClickHouse is down");
    spool.append(answer("b", 3));
    assertThat(spool.pending()).isEqualTo(2);

    List<SurveyResponse> stored = new ArrayList<>();
    spool.drain(stored::addAll);
    assertThat(stored).extracting(SurveyResponse::invitationId).containsExactly("a", "b");
  }

  @Test
  void afterACrashANewSpoolFindsTheAcknowledgedAnswersAndSkipsATornLine() throws Exception {
    ResponseSpool crashed = new ResponseSpool(dir);
    crashed.append(answer("a", 5));
    Files.writeString(
        dir.resolve("responses.log"), "{\"invitation_id\":\"torn", StandardOpenOption.APPEND);

    List<SurveyResponse> stored = new ArrayList<>();
    new ResponseSpool(dir).drain(stored::addAll);

    assertThat(stored).extracting(SurveyResponse::invitationId).containsExactly("a");
  }

  @Test
  void commentsAndReasonsSurviveTheSpoolAsText() {
    ResponseSpool spool = new ResponseSpool(dir);
    SurveyResponse tricky =
        new SurveyResponse(
            "x",
            SurveyKind.NPS,
            3,
            "<script>alert('hi')</script>\nخیلی کند بود 😞",
            List.of("speed", "سرعت"),
            Instant.parse("2026-05-08T10:00:00Z"),
            Instant.parse("2026-05-08T10:01:00Z"));
    spool.append(tricky);
    List<SurveyResponse> stored = new ArrayList<>();

    spool.drain(stored::addAll);

    assertThat(stored).containsExactly(tricky);
  }

  @Test
  void aTornLastLineIsCutOffOnOpenSoTheNextAcknowledgedAnswerIsNotLost() throws Exception {
    new ResponseSpool(dir).append(answer("before-the-crash", 5));
    Files.writeString(log(), "1a2b3c4d {\"invitation_id\":\"torn", StandardOpenOption.APPEND);

    ResponseSpool restarted = new ResponseSpool(dir);
    restarted.append(answer("after-the-restart", 4));
    List<SurveyResponse> stored = new ArrayList<>();
    restarted.drain(stored::addAll);

    assertThat(stored)
        .extracting(SurveyResponse::invitationId)
        .containsExactly("before-the-crash", "after-the-restart");
    assertThat(quarantined())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("\"line\":2", "torn last line", "1a2b3c4d {\\\"invitation_id"));
  }

  @Test
  void aCorruptedRecordIsQuarantinedWithItsReasonAndTheOthersAreStored() throws Exception {
    ResponseSpool spool = new ResponseSpool(dir);
    spool.append(answer("a", 5));
    spool.append(answer("b", 2));
    spool.append(answer("c", 3));
    String text = Files.readString(log());
    Files.writeString(
        log(),
        text.replace("\"b\",\"kind\":\"CSAT\",\"score\":2", "\"b\",\"kind\":\"CSAT\",\"score\":5"));

    List<SurveyResponse> stored = new ArrayList<>();
    spool.drain(stored::addAll);

    assertThat(stored).extracting(SurveyResponse::invitationId).containsExactly("a", "c");
    assertThat(quarantined())
        .singleElement()
        .satisfies(line -> assertThat(line).contains("\"line\":2", "checksum mismatch"));
    assertThat(spool.pending()).isZero();
  }

  @Test
  void aSpoolLeftByTheEarlierFormatIsReadIncludingAnAnswerGluedToATornLine() throws Exception {
    String first = ResponseSpool.encode(answer("old-1", 5));
    String glued = "{\"invitation_id\":\"to" + ResponseSpool.encode(answer("old-2", 1));
    Files.writeString(log(), first + "\n" + glued + "\n");

    List<SurveyResponse> stored = new ArrayList<>();
    new ResponseSpool(dir).drain(stored::addAll);

    assertThat(stored).containsExactly(answer("old-1", 5), answer("old-2", 1));
    assertThat(quarantined())
        .singleElement()
        .satisfies(line -> assertThat(line).contains("glued to the next answer"));
  }

  @Test
  void recordsCarryAChecksumOfTheirJson() throws Exception {
    new ResponseSpool(dir).append(answer("a", 5));

    assertThat(Files.readString(log())).matches("[0-9a-f]{8} \\{\"invitation_id\":\"a\".*\\}\n");
  }

  private Path log() {
    return dir.resolve("responses.log");
  }

  private List<String> quarantined() throws Exception {
    Path quarantine = dir.resolve(ResponseSpool.QUARANTINE);
    return Files.exists(quarantine) ? Files.readAllLines(quarantine) : List.of();
  }

  static SurveyResponse answer(String id, int score) {
    Instant at = Instant.parse("2026-05-08T10:00:00Z");
    return new SurveyResponse(id, SurveyKind.CSAT, score, "", List.of(), at, at);
  }
}
