package org.sanjeh.ingestion.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.ingestion.conversation.Conversations;
import org.sanjeh.ingestion.conversation.InMemoryCustomers;
import org.sanjeh.ingestion.conversation.TicketRouter;

class CallLogAdapterTest {

  private final Conversations conversations =
      new Conversations(new InMemoryCustomers(), new TicketRouter(Duration.ofHours(24)));

  @Test
  void anAnsweredAndResolvedCallIsAContactAReplyAndAResolution() throws Exception {
    String csv =
        """
        call_id,start,end,direction,customer_number,agent,outcome,wait_seconds
        c-1,2024-05-08T09:15:00+03:30,2024-05-08T09:25:00+03:30,inbound,۰۹۱۲ ۱۲۳ ۴۵۶۷,reza,resolved,45
        """;

    List<ImportItem> items =
        CallLogAdapter.read(new StringReader(csv), "calls.csv", conversations, "IR");

    List<TicketEvent> events = items.stream().map(i -> ((ImportItem.Event) i).event()).toList();
    assertThat(events)
        .extracting(TicketEvent::type)
        .containsExactly(EventType.TICKET_CREATED, EventType.AGENT_REPLY, EventType.RESOLVED);
    assertThat(events.get(1).occurredAt()).isEqualTo(Instant.parse("2024-05-08T05:45:45Z"));
    assertThat(events.get(1).isPublicHumanReply()).isTrue();
    assertThat(events.get(2).occurredAt()).isEqualTo(Instant.parse("2024-05-08T05:55:00Z"));
    assertThat(events).extracting(TicketEvent::customerId).containsOnly("C-phone:+989121234567");
  }

  @Test
  void aChatTranscriptUsesTheSameColumnsWithAChannel() throws Exception {
    String csv =
        "call_id,start,end,direction,customer_number,agent,outcome,wait_seconds,channel\n"
            + "chat-1,2024-05-08T09:15:00Z,2024-05-08T09:30:00Z,inbound,+989121234567,sara,answered,120,chat\n"
            + "chat-2,2024-05-08T09:15:00Z,2024-05-08T09:30:00Z,inbound,+989121234567,sara,answered,120,fax\n";

    List<ImportItem> items =
        CallLogAdapter.read(new StringReader(csv), "chats.csv", conversations, "IR");

    assertThat(((ImportItem.Event) items.get(0)).event().channel())
        .isEqualTo(org.sanjeh.core.event.Channel.CHAT);
    assertThat(items)
        .filteredOn(ImportItem.Rejected.class::isInstance)
        .singleElement()
        .satisfies(
            r ->
                assertThat(((ImportItem.Rejected) r).reason())
                    .startsWith("column channel=\"fax\" must be one of email, chat"));
  }

  @Test
  void aMissedCallIsOnlyAContact() throws Exception {
    String csv =
        "call_id,start,end,direction,customer_number,agent,outcome,wait_seconds\n"
            + "c-2,2024-05-08T09:15:00Z,2024-05-08T09:16:00Z,inbound,+989121234567,,missed,60\n";

    assertThat(CallLogAdapter.read(new StringReader(csv), "calls.csv", conversations, "IR"))
        .hasSize(1);
  }

  @Test
  void badRowsAreRejectedNamingLineColumnAndValueAndTheRestGoesThrough() throws Exception {
    String csv =
        """
        outcome,call_id,start,end,direction,customer_number,agent,wait_seconds
        answered,c-1,2024-05-08T09:15:00Z,2024-05-08T09:20:00Z,inbound,+989121234567,reza,30
        answered,c-2,yesterday,2024-05-08T09:20:00Z,inbound,+989121234567,reza,30
        hung up,c-3,2024-05-08T09:15:00Z,2024-05-08T09:20:00Z,inbound,+989121234567,reza,30
        answered,c-4,2024-05-08T09:15:00Z,2024-05-08T09:20:00Z,inbound,12,reza,30
        answered,c-5,2024-05-08T09:15:00Z,2024-05-08T09:20:00Z,inbound,+989121234567,reza,-3
        """;

    List<ImportItem> items =
        CallLogAdapter.read(new StringReader(csv), "calls.csv", conversations, "IR");

    assertThat(items).filteredOn(ImportItem.Event.class::isInstance).hasSize(2);
    assertThat(items)
        .filteredOn(ImportItem.Rejected.class::isInstance)
        .extracting(
            i -> ((ImportItem.Rejected) i).where() + ": " + ((ImportItem.Rejected) i).reason())
        .containsExactly(
            "calls.csv line 3: column start=\"yesterday\" is not an ISO-8601 time with offset, e.g. 2024-05-08T09:15:00+03:30",
            "calls.csv line 4: column outcome=\"hung up\" must be one of "
                + java.util.Set.of("answered", "resolved", "missed", "abandoned"),
            "calls.csv line 5: column customer_number: the phone number (2 digits) is not a possible number; write it with its country code, e.g. +98 912 123 4567",
            "calls.csv line 6: column wait_seconds=\"-3\" must be a whole number of seconds, 0 or more");
  }

  @Test
  void aFileWithoutTheRequiredColumnsIsRefusedWithTheHeaderToUse() {
    assertThatThrownBy(
            () ->
                CallLogAdapter.read(
                    new StringReader("id,when\n"), "calls.csv", conversations, "IR"))
        .hasMessageContaining("calls.csv line 1: the header lacks")
        .hasMessageContaining(
            "call_id,start,end,direction,customer_number,agent,outcome,wait_seconds");
  }
}
