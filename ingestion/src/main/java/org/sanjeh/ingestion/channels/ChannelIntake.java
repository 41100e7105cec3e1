package org.sanjeh.ingestion.channels;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.ingestion.conversation.Conversations;
import org.sanjeh.ingestion.conversation.InboundMessage;
import org.sanjeh.ingestion.intake.IntakeProperties;
import org.sanjeh.ingestion.kafka.EventPublisher;
import org.sanjeh.warehouse.write.DeadLetter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Channel messages to events on Kafka; unreadable payloads to the dead letters. Waits for the acks.
 */
@Service
class ChannelIntake {

  private final ObjectProvider<Conversations> conversations;
  private final EventPublisher publisher;
  private final IntakeProperties intake;
  private final Clock clock;

  ChannelIntake(
      ObjectProvider<Conversations> conversations,
      EventPublisher publisher,
      IntakeProperties intake,
      Clock clock) {
    this.conversations = conversations;
    this.publisher = publisher;
    this.intake = intake;
    this.clock = clock;
  }

  List<TicketEvent> accept(List<InboundMessage> messages, String source) {
    List<TicketEvent> events = new ArrayList<>();
    List<CompletableFuture<Void>> sends = new ArrayList<>();
    for (InboundMessage message : messages) {
      TicketEvent event = conversations.getObject().toEvent(message);
      events.add(event);
      sends.add(publisher.publish(event, source));
    }
    await(sends);
    return events;
  }

  /** Events made here (follow-ups) rather than from a message. */
  void publishAll(List<TicketEvent> events, String source) {
    await(events.stream().map(e -> publisher.publish(e, source)).toList());
  }

  void deadLetter(byte[] payload, String source, String reason) {
    await(
        List.of(
            publisher.publishDeadLetter(
                new DeadLetter(clock.instant(), source, 0, payload, reason))));
  }

  private void await(List<CompletableFuture<Void>> sends) {
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
          .get(intake.kafkaAckTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw ChannelProblem.kafkaUnavailable();
    }
  }
}
