package org.sanjeh.ingestion.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;

/**
 * On made-up conversations in the TWCC layout (no real customer data is copied into the repo); the
 * real files are imported by ./sanjeh import and by TwccImportIT when the shared data is there.
 */
class TwccAdapterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aConversationBecomesOneTicketWithCreationMessagesAndTheFinalReply() throws Exception {
    List<ImportItem> items =
        TwccAdapter.conversation(conversation("00:40:00.0"), "sample.json conversation 1");

    List<TicketEvent> events = events(items);
    assertThat(events)
        .extracting(TicketEvent::type)
        .containsExactly(
            EventType.TICKET_CREATED,
            EventType.AGENT_REPLY,
            EventType.CUSTOMER_MESSAGE,
            EventType.AGENT_REPLY);
    assertThat(events).extracting(TicketEvent::ticketId).containsOnly("twcc:S1");
    assertThat(events.get(3).occurredAt())
        .as("start + duration")
        .isEqualTo(Instant.parse("2020-04-01T10:40:00Z"));
    assertThat(events.get(3).body()).startsWith("@customer Here is how");
    assertThat(events.get(1).authorRole()).isEqualTo(AuthorRole.AGENT);
    assertThat(events.get(1).agentId()).isEqualTo("x:ShopCare");
    assertThat(events)
        .extracting(TicketEvent::customerId)
        .containsOnly(TwccAdapter.pseudonym("jane_doe_42"));
  }

  @Test
  void personalDataIsScrubbed() throws Exception {
    TicketEvent created = events(TwccAdapter.conversation(conversation("00:40:00.0"), "c")).get(0);

    assertThat(created.body())
        .isEqualTo(
            "@ShopCare my order is lost, mail me at [email] or call [phone] (from @customer)")
        .doesNotContain("jane");
    assertThat(created.customerId()).startsWith("x-user:").doesNotContain("jane");
  }

  @Test
  void aNegativeDurationLeavesTheFinalReplyOutWithTheReasonAndKeepsTheRest() throws Exception {
    List<ImportItem> items =
        TwccAdapter.conversation(conversation("-12:14:20."), "dev.json conversation 9");

    assertThat(events(items)).hasSize(3);
    assertThat(items)
        .filteredOn(ImportItem.Rejected.class::isInstance)
        .singleElement()
        .satisfies(
            item -> {
              ImportItem.Rejected rejected = (ImportItem.Rejected) item;
              assertThat(rejected.where())
                  .isEqualTo("dev.json conversation 9 (S1) agentURL tweet 104");
              assertThat(rejected.reason())
                  .contains("duration=\"-12:14:20.\" is negative")
                  .contains("the rest of the conversation is imported");
            });
  }

  @Test
  void aMultiDayDurationIsRejectedToo() throws Exception {
    List<ImportItem> items = TwccAdapter.conversation(conversation("6-01:08:11"), "c");

    assertThat(items)
        .filteredOn(ImportItem.Rejected.class::isInstance)
        .singleElement()
        .satisfies(
            item ->
                assertThat(((ImportItem.Rejected) item).reason()).contains("spans several days"));
  }

  @Test
  void aMessageWithoutATimeIsRejectedAndItsNeighboursKept() throws Exception {
    JsonNode conversation = conversation("00:40:00.0");
    ((com.fasterxml.jackson.databind.node.ObjectNode) conversation.get("dialogContent").get(2))
        .put("datetime", "soon");

    List<ImportItem> items = TwccAdapter.conversation(conversation, "c");

    assertThat(events(items)).hasSize(3);
    assertThat(items).filteredOn(ImportItem.Rejected.class::isInstance).hasSize(1);
  }

  @Test
  void readsAFileAndNamesEachConversation(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("sample.json");
    Files.writeString(
        file, "[" + conversation("00:40:00.0") + "," + conversation("-00:00:19.") + "]");

    List<ImportItem> items = TwccAdapter.read(file);

    assertThat(items)
        .filteredOn(ImportItem.Rejected.class::isInstance)
        .singleElement()
        .satisfies(
            item ->
                assertThat(((ImportItem.Rejected) item).where())
                    .startsWith("sample.json conversation 2"));
  }

  private static List<TicketEvent> events(List<ImportItem> items) {
    return items.stream()
        .filter(ImportItem.Event.class::isInstance)
        .map(i -> ((ImportItem.Event) i).event())
        .toList();
  }

  /** A made-up conversation in the TWCC layout, with personal data in it to scrub. */
  private static JsonNode conversation(String duration) throws Exception {
    return JSON.readTree(
        """
        {"agentURL": {"doc_id": "1", "turn": "4", "tweet_ID": "104", "url": "https://example.org/help",
                      "url_utterance": "@jane_doe_42 Here is how to track it: https://example.org/help"},
         "dialogContent": [
           {"client": "jane_doe_42", "datetime": "2020-04-01T10:00:00.000Z", "tweet_ID": "101",
            "message": "@ShopCare my order is lost, mail me at jane.doe@example.com or call +1 (555) 010-9999 (from @jane_doe_42)"},
           {"agent": "ShopCare", "datetime": "2020-04-01T10:05:00.000Z", "tweet_ID": "102", "message": "@jane_doe_42 Sorry! Which order?"},
           {"client": "jane_doe_42", "datetime": "2020-04-01T10:20:00.000Z", "tweet_ID": "103", "message": "@ShopCare #4711"}],
         "dialogHeader": {"company": "ShopCare", "conversationDateTime": "2020-04-01T10:00:00.000Z",
                          "duration": "%s", "messageCount": "4", "sessionID": "S1"}}
        """
            .formatted(duration));
  }
}
