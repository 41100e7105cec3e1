package org.sanjeh.ingestion.importer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sends an import has not yet heard back about: at most {@code size} of them (a send waits for
 * room), each counted as failed if Kafka did not acknowledge it. Waiting for every acknowledgement
 * of a block of sends before sending on, as the import did, left the producer idle once per block.
 */
final class SendWindow {

  private final int size;
  private final Semaphore room;
  private final AtomicLong failed = new AtomicLong();

  SendWindow(int size) {
    this.size = size;
    this.room = new Semaphore(size);
  }

  /** Takes a place for the send (waiting while the window is full) until it is answered. */
  void add(CompletableFuture<?> send) throws InterruptedException {
    room.acquire();
    send.whenComplete(
        (ok, error) -> {
          if (error != null) {
            failed.incrementAndGet();
          }
          room.release();
        });
  }

  /**
   * Waits for every send to be answered; returns how many failed, counting those still unanswered
   * after {@code timeout} as failed.
   */
  long awaitAll(Duration timeout) throws InterruptedException {
    if (room.tryAcquire(size, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      room.release(size);
      return failed.get();
    }
    return failed.get() + (size - room.availablePermits());
  }
}
