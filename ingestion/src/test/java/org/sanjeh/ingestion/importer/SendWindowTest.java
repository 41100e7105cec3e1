package org.sanjeh.ingestion.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SendWindowTest {

  @Test
  void everySendThatFailedOrWasNeverAnsweredCountsAsFailed() throws Exception {
    SendWindow window = new SendWindow(10);
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    CompletableFuture<Void> refused = new CompletableFuture<>();
    CompletableFuture<Void> unanswered = new CompletableFuture<>();
    window.add(acknowledged);
    window.add(refused);
    window.add(unanswered);
    window.add(CompletableFuture.failedFuture(new IllegalStateException("refused at once")));

    acknowledged.complete(null);
    refused.completeExceptionally(new IllegalStateException("broker gone"));

    assertThat(window.awaitAll(Duration.ofMillis(50))).isEqualTo(3);
  }

  @Test
  void allAnsweredWithoutFailureIsNoFailure() throws Exception {
    SendWindow window = new SendWindow(2);
    for (int i = 0; i < 100; i++) {
      window.add(CompletableFuture.completedFuture(null));
    }
    assertThat(window.awaitAll(Duration.ofSeconds(5))).isZero();
  }

  @Test
  void aSendWaitsForRoomWhileTheWindowIsFull() throws Exception {
    SendWindow window = new SendWindow(1);
    CompletableFuture<Void> first = new CompletableFuture<>();
    window.add(first);
    CountDownLatch secondAdded = new CountDownLatch(1);
    Thread sender =
        new Thread(
            () -> {
              try {
                window.add(CompletableFuture.completedFuture(null));
                secondAdded.countDown();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    sender.start();

    assertThat(secondAdded.await(100, TimeUnit.MILLISECONDS)).as("no room yet").isFalse();
    first.complete(null);
    assertThat(secondAdded.await(10, TimeUnit.SECONDS)).isTrue();
    sender.join();
    assertThat(window.awaitAll(Duration.ofSeconds(5))).isZero();
  }
}
