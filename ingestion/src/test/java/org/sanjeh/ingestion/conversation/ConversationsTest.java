package org.sanjeh.ingestion.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.ingestion.identity.Identity;

class ConversationsTest {

  private final Conversations conversations =
      new Conversations(new InMemoryCustomers(), new TicketRouter(Duration.ofHours(24)));
  private static final Identity PHONE = Identity.phone("+989121234567", "IR");

  @Test
  void anEmailInTheMorningAChatAtNoonAndACallInTheEveningAreOneTicket() {
    // The WhatsApp message reveals both the WhatsApp id and the phone; the call knows the phone.
    TicketEvent mail =
        conversations.toEvent(
            message(
                "m1", Channel.EMAIL, "08:00", List.of(Identity.email("ali@example.ir"), PHONE)));
    TicketEvent chat =
        conversations.toEvent(
            message(
                "w1",
                Channel.WHATSAPP,
                "12:00",
                List.of(Identity.whatsapp("989121234567", "IR"), PHONE)));
    TicketEvent call = conversations.toEvent(message("c1", Channel.PHONE, "19:00", List.of(PHONE)));

    assertThat(List.of(mail, chat, call))
        .extracting(TicketEvent::ticketId)
        .containsOnly(mail.ticketId());
    assertThat(List.of(mail, chat, call))
        .extracting(TicketEvent::customerId)
        .containsOnly(mail.customerId());
    assertThat(List.of(mail, chat, call))
        .extracting(TicketEvent::type)
        .containsExactly(
            EventType.TICKET_CREATED, EventType.CUSTOMER_MESSAGE, EventType.CUSTOMER_MESSAGE);
  }

  @Test
  void aMessageAfterTheJoinWindowOpensANewTicket() {
    TicketEvent first = conversations.toEvent(message("a", Channel.EMAIL, "08:00", List.of(PHONE)));
    TicketEvent twoDaysLater =
        conversations.toEvent(
            message("b", Channel.EMAIL, "08:00", List.of(PHONE), Duration.ofDays(2)));

    assertThat(twoDaysLater.ticketId()).isNotEqualTo(first.ticketId());
    assertThat(twoDaysLater.type()).isEqualTo(EventType.TICKET_CREATED);
  }

  @Test
  void aSolvedTicketIsNotJoined() {
    TicketEvent first = conversations.toEvent(message("a", Channel.CHAT, "08:00", List.of(PHONE)));
    conversations.followUp(first, "resolved", EventType.RESOLVED, at("09:00"), "agent:7");

    TicketEvent next = conversations.toEvent(message("b", Channel.CHAT, "10:00", List.of(PHONE)));

    assertThat(next.ticketId()).isNotEqualTo(first.ticketId());
  }

  @Test
  void aReplyInAKnownThreadJoinsThatTicketEvenAfterTheWindow() {
    TicketEvent first =
        conversations.toEvent(message("<1@shop.ir>", Channel.EMAIL, "08:00", List.of(PHONE)));
    InboundMessage reply =
        new InboundMessage(
            "<9@x>",
            Channel.EMAIL,
            at("08:00").plus(Duration.ofDays(5)),
            true,
            List.of(Identity.email("other@example.ir")),
            null,
            List.of("<1@shop.ir>"),
            "Re: order",
            "still waiting",
            "still waiting",
            null,
            "email");

    assertThat(conversations.toEvent(reply).ticketId()).isEqualTo(first.ticketId());
  }

  @Test
  void aMessageDeliveredTwiceBecomesTheSameEventTwice() {
    TicketEvent first =
        conversations.toEvent(message("m1", Channel.EMAIL, "08:00", List.of(PHONE)));
    conversations.toEvent(message("m2", Channel.CHAT, "09:00", List.of(PHONE)));

    TicketEvent again =
        conversations.toEvent(message("m1", Channel.EMAIL, "08:00", List.of(PHONE)));

    assertThat(again).isEqualTo(first);
    assertThat(again.type()).isEqualTo(EventType.TICKET_CREATED);
  }

  @Test
  void idsAreStableSoARunTwiceGivesTheSameTickets() {
    Conversations again =
        new Conversations(new InMemoryCustomers(), new TicketRouter(Duration.ofHours(24)));

    TicketEvent once = conversations.toEvent(message("m1", Channel.EMAIL, "08:00", List.of(PHONE)));
    TicketEvent twice = again.toEvent(message("m1", Channel.EMAIL, "08:00", List.of(PHONE)));

    assertThat(twice).isEqualTo(once);
  }

  private static InboundMessage message(
      String id, Channel channel, String time, List<Identity> who) {
    return message(id, channel, time, who, Duration.ZERO);
  }

  private static InboundMessage message(
      String id, Channel channel, String time, List<Identity> who, Duration later) {
    return new InboundMessage(
        id,
        channel,
        at(time).plus(later),
        true,
        who,
        null,
        List.of(),
        null,
        "hello",
        "hello",
        null,
        channel.wire());
  }

  private static Instant at(String time) {
    return Instant.parse("2024-05-08T" + time + ":00Z");
  }
}
