package org.sanjeh.devtools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.ingestion.kafka.EventPublisher;
import org.sanjeh.testbed.SyntheticEvents;

/**
 * The intake benchmark behind {@code ./sanjeh bench intake}, against a running intake API and
 * broker on loopback. Three measurements in one run:
 *
 * <ol>
 *   <li>baseline: the same events straight into Kafka with the publisher (no HTTP, no parsing);
 *   <li>NDJSON batches of 1,000 through {@code POST /v1/events}, several connections;
 *   <li>single-event requests at a fixed rate (open loop: latency counts from the moment a request
 *       was due, so a slow server cannot hide its queue), p50/p95/p99/max.
 * </ol>
 *
 * Event ids are new each run, so the API's duplicate check never short-cuts the work.
 */
public final class IntakeBench {

  /** Single events sent before the latency run is measured (the pool and the JIT warm up). */
  static final int WARM_UP_REQUESTS = 2000;

  private final String url;
  private final String key;
  private final String bootstrap;
  private final int events;
  private final int rate;
  private final int seconds;
  private final boolean singleOnly;
  private final boolean compareCompression;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param url the intake API's base URL
   * @param key its API key
   */
  public IntakeBench(
      String bootstrap,
      String url,
      String key,
      int events,
      int rate,
      int seconds,
      boolean singleOnly,
      boolean compareCompression) {
    this.bootstrap = bootstrap;
    this.url = url + "/v1/events";
    this.key = key;
    this.events = events;
    this.rate = rate;
    this.seconds = seconds;
    this.singleOnly = singleOnly;
    this.compareCompression = compareCompression;
  }

  public int run() throws Exception {
    String runId = UUID.randomUUID().toString().substring(0, 8);
    List<TicketEvent> sample = new ArrayList<>(events);
    SyntheticEvents generator =
        new SyntheticEvents(7, events, Instant.parse("2026-01-01T00:00:00Z"), 30);
    while (generator.hasNext()) {
      TicketEvent e = generator.next();
      sample.add(e.toBuilder().eventId(runId + "-" + e.eventId()).build());
    }
    System.out.printf(
        "%,d events (%d-byte bodies on average), run %s%n", events, averageBody(sample), runId);

    if (!singleOnly) {
      System.out.println("warming up (not measured): one pass of each");
      for (int pass = 1; pass <= 2; pass++) {
        directToKafka(sample, "lz4", "warm" + pass + "-");
        ndjsonBatches(sample, "warm" + pass + "-");
      }
      double baseline = directToKafka(sample, "lz4", "");
      if (compareCompression) {
        directToKafka(sample, "none", "");
      }
      double batches = ndjsonBatches(sample, "");
      System.out.printf("intake API / baseline: %.2f%n", batches / baseline);
    }
    singleEventLatency(runId);
    return 0;
  }

  private double directToKafka(List<TicketEvent> sample, String compression, String label) {
    List<TicketEvent> renamed =
        sample.stream()
            .map(
                e ->
                    e.toBuilder()
                        .eventId(label + "direct-" + compression + "-" + e.eventId())
                        .build())
            .toList();
    long start = System.nanoTime();
    try (EventPublisher publisher =
        new EventPublisher(
            bootstrap, Duration.ofSeconds(30), Map.of("compression.type", compression))) {
      List<CompletableFuture<Void>> sends = new ArrayList<>();
      for (TicketEvent event : renamed) {
        sends.add(publisher.publish(event, "bench"));
      }
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    }
    double rate = renamed.size() / ((System.nanoTime() - start) / 1e9);
    System.out.printf(
        "%-48s %,10.0f events/s%n",
        "baseline: publisher straight into Kafka (" + compression + ")", rate);
    return rate;
  }

  private double ndjsonBatches(List<TicketEvent> sample, String label) throws Exception {
    TicketEventCodec codec = new TicketEventCodec();
    List<byte[]> bodies = new ArrayList<>();
    for (int from = 0; from < sample.size(); from += 1000) {
      StringBuilder batch = new StringBuilder();
      for (TicketEvent e : sample.subList(from, Math.min(sample.size(), from + 1000))) {
        batch.append(codec.encode(e.toBuilder().eventId(label + e.eventId()).build())).append('\n');
      }
      bodies.add(batch.toString().getBytes(StandardCharsets.UTF_8));
    }
    int connections = 4;
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    AtomicLong accepted = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < connections; w++) {
      int worker = w;
      workers.add(
          pool.submit(
              () -> {
                for (int i = worker; i < bodies.size(); i += connections) {
                  try {
                    HttpResponse<String> response =
                        http.send(
                            post(bodies.get(i), "application/x-ndjson"),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 202) {
                      accepted.addAndGet(1000);
                    } else {
                      failed.incrementAndGet();
                    }
                  } catch (Exception e) {
                    failed.incrementAndGet();
                  }
                }
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    double rate = accepted.get() / ((System.nanoTime() - start) / 1e9);
    System.out.printf(
        "%-48s %,10.0f events/s (%d connections, %d failed batches)%n",
        "intake API: NDJSON batches of 1,000", rate, connections, failed.get());
    return rate;
  }

  private void singleEventLatency(String runId) throws Exception {
    TicketEventCodec codec = new TicketEventCodec();
    int total = rate * seconds;
    SyntheticEvents generator =
        new SyntheticEvents(11, total, Instant.parse("2026-02-01T00:00:00Z"), 30);
    List<byte[]> bodies = new ArrayList<>(total);
    while (generator.hasNext()) {
      TicketEvent e = generator.next();
      bodies.add(
          codec.encodeBytes(e.toBuilder().eventId("single-" + runId + "-" + e.eventId()).build()));
    }
    for (int i = 0;
        i < Math.min(WARM_UP_REQUESTS, total);
        i++) { // warm the connection pool and the JIT
      http.send(post(bodies.get(i), "application/json"), HttpResponse.BodyHandlers.discarding());
    }
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    // At most 64 requests in flight (64 connections); a request that must wait still counts its
    // latency from the moment it was due.
    Semaphore slots = new Semaphore(64);
    AtomicLong errors = new AtomicLong();
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    List<CompletableFuture<?>> inFlight = new ArrayList<>();
    for (int i = WARM_UP_REQUESTS; i < total; i++) {
      long due = start + (i - WARM_UP_REQUESTS) * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      slots.acquire();
      inFlight.add(
          http.sendAsync(
                  post(bodies.get(i), "application/json"), HttpResponse.BodyHandlers.discarding())
              .whenComplete(
                  (response, error) -> {
                    slots.release();
                    if (error != null || response.statusCode() != 202) {
                      errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - due);
                  }));
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "%-48s %,d requests at %,d/s (achieved %,.0f/s): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors%n",
        "intake API: single events, open loop",
        sorted.length,
        rate,
        sorted.length / elapsed,
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        sorted[sorted.length - 1] / 1e6,
        errors.get());
  }

  private HttpRequest post(byte[] body, String type) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", type)
        .header("X-Api-Key", key)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static long averageBody(List<TicketEvent> sample) {
    return (long)
        sample.stream()
            .filter(e -> e.body() != null)
            .mapToInt(e -> e.body().getBytes(StandardCharsets.UTF_8).length)
            .average()
            .orElse(0);
  }
}
