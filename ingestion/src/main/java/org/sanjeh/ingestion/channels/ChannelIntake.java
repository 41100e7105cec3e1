package org.sanjeh.ingestion.channels;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sanjeh.core.event.CodecLimits;
import org.sanjeh.core.event.DecodeResult;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.ingestion.conversation.Conversations;
import org.sanjeh.ingestion.conversation.InboundMessage;
import org.sanjeh.ingestion.intake.IntakeProperties;
import org.sanjeh.ingestion.kafka.EventPublisher;
import org.sanjeh.ingestion.kafka.PublishFailure;
import org.sanjeh.warehouse.write.DeadLetter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Channel messages to events on Kafka; unreadable payloads to the dead letters. Every message is
 * checked against the event contract (sizes, fields) before anything is routed, linked or sent: a
 * message the warehouse would refuse is refused here, at the door. Waits for the acks.
 */
@Service
class ChannelIntake {

  private final ObjectProvider<Conversations> conversations;
  private final EventPublisher publisher;
  private final IntakeProperties intake;
  private final TicketEventCodec contract;
  private final Clock clock;

  ChannelIntake(
      ObjectProvider<Conversations> conversations,
      EventPublisher publisher,
      IntakeProperties intake,
      Clock clock) {
    this.conversations = conversations;
    this.publisher = publisher;
    this.intake = intake;
    this.contract =
        new TicketEventCodec(CodecLimits.DEFAULTS.withMaxBodyBytes(intake.maxEventBodyBytes()));
    this.clock = clock;
  }

  /**
   * @param payload the request as received, dead-lettered when a message breaks the contract
   */
  List<TicketEvent> accept(List<InboundMessage> messages, String source, byte[] payload) {
    for (InboundMessage message : messages) {
      DecodeResult checked =
          contract.decode(contract.encodeBytes(conversations.getObject().preview(message)));
      if (!checked.isValid()) {
        deadLetter(payload, source, checked.describeErrors());
        throw ChannelProblem.breaksContract(source, checked.errors());
      }
    }
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
    } catch (ExecutionException e) {
      throw switch (PublishFailure.of(e)) {
        case TRANSIENT -> ChannelProblem.kafkaUnavailable();
        case TOO_LARGE -> ChannelProblem.tooLargeForKafka();
        case PERMANENT -> ChannelProblem.publishRefused();
      };
    } catch (TimeoutException e) {
      throw ChannelProblem.kafkaUnavailable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ChannelProblem.kafkaUnavailable();
    }
  }
}
