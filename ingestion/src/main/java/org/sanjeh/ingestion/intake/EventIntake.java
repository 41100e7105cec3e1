package org.sanjeh.ingestion.intake;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sanjeh.core.event.CodecLimits;
import org.sanjeh.core.event.DecodedLine;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.ingestion.intake.IntakeReport.LineResult;
import org.sanjeh.ingestion.intake.IntakeReport.Status;
import org.sanjeh.ingestion.kafka.EventPublisher;
import org.sanjeh.ingestion.kafka.PublishFailure;
import org.sanjeh.warehouse.write.DeadLetter;
import org.springframework.stereotype.Service;

/**
 * Judges every line of a request on its own, sends the good events to Kafka and the bad ones, with
 * their reasons, to the dead-letter topic, and answers only once Kafka acknowledged all of it.
 */
@Service
class EventIntake {

  private final EventPublisher publisher;
  private final IntakeProperties properties;
  private final TicketEventCodec codec;
  private final RecentEventIds recent;
  private final MeterRegistry meters;
  private final Clock clock;

  EventIntake(
      EventPublisher publisher, IntakeProperties properties, MeterRegistry meters, Clock clock) {
    this.publisher = publisher;
    this.properties = properties;
    this.codec =
        new TicketEventCodec(CodecLimits.DEFAULTS.withMaxBodyBytes(properties.maxEventBodyBytes()));
    this.recent = new RecentEventIds(properties.recentEventIds());
    this.meters = meters;
    this.clock = clock;
  }

  IntakeReport accept(byte[] body, boolean batch, String source) {
    List<DecodedLine> lines =
        batch ? codec.decodeLines(body) : List.of(new DecodedLine(1, body, codec.decode(body)));
    List<LineResult> results = new ArrayList<>(lines.size());
    List<CompletableFuture<Void>> sends = new ArrayList<>(lines.size());
    List<String> acceptedIds = new ArrayList<>();
    int accepted = 0;
    Set<String> inThisRequest = new HashSet<>();
    for (DecodedLine line : lines) {
      if (!line.result().isValid()) {
        sends.add(publisher.publishDeadLetter(deadLetter(line, source)));
        results.add(new LineResult(line.line(), Status.REJECTED, null, line.result().errors()));
        continue;
      }
      String eventId = line.result().event().eventId();
      if (recent.contains(eventId) || !inThisRequest.add(eventId)) {
        results.add(new LineResult(line.line(), Status.DUPLICATE, eventId, List.of()));
        continue;
      }
      CompletableFuture<Void> send = publisher.publish(line.result().event(), source);
      if (send.isCompletedExceptionally()) {
        // send() already waited max.block.ms for the broker: the rest would each wait as long.
        awaitAcknowledgement(List.of(send));
      }
      sends.add(send);
      acceptedIds.add(eventId);
      accepted++;
    }
    awaitAcknowledgement(sends);
    acceptedIds.forEach(recent::add);
    IntakeReport report = report(accepted, results);
    count(source, report);
    return report;
  }

  private void awaitAcknowledgement(List<CompletableFuture<Void>> sends) {
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
          .get(properties.kafkaAckTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      switch (PublishFailure.of(e)) {
        case TOO_LARGE ->
            throw IntakeProblem.tooLarge(
                "Kafka refuses a record this large (its max.request.size / message.max.bytes); sending it again will not help: send smaller events, or the operator lowers sanjeh.intake.max-event-body-bytes or raises the broker's limit");
        case PERMANENT ->
            throw IntakeProblem.publishRefused(
                "Kafka refused the events for a reason that retrying does not fix ("
                    + e.getCause().getClass().getSimpleName()
                    + "); the operator finds the cause in the intake's log and the broker's");
        case TRANSIENT -> throw unavailable(e.getCause().getMessage());
      }
    } catch (TimeoutException e) {
      throw unavailable("no answer within " + properties.kafkaAckTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw IntakeProblem.kafkaUnavailable(
          "interrupted while waiting for Kafka; send the request again");
    }
  }

  private static IntakeProblem unavailable(String cause) {
    return IntakeProblem.kafkaUnavailable(
        "Kafka did not acknowledge this request ("
            + cause
            + "). Nothing in it is confirmed:"
            + " send the whole request again; event ids make the retry safe.");
  }

  private DeadLetter deadLetter(DecodedLine line, String source) {
    return new DeadLetter(
        clock.instant(), "api:" + source, line.line(), line.raw(), line.result().describeErrors());
  }

  /** Counts, and the lines that were not accepted: the rest were. */
  private static IntakeReport report(int accepted, List<LineResult> results) {
    int rejected = 0;
    int duplicates = 0;
    for (LineResult result : results) {
      switch (result.status()) {
        case REJECTED -> rejected++;
        case DUPLICATE -> duplicates++;
        default -> throw new IllegalStateException("accepted lines are only counted");
      }
    }
    return new IntakeReport(accepted, rejected, duplicates, results);
  }

  private void count(String source, IntakeReport report) {
    meters
        .counter("sanjeh.intake.events", "source", source, "outcome", "accepted")
        .increment(report.accepted());
    meters
        .counter("sanjeh.intake.events", "source", source, "outcome", "rejected")
        .increment(report.rejected());
    meters
        .counter("sanjeh.intake.events", "source", source, "outcome", "duplicate")
        .increment(report.duplicates());
  }
}
