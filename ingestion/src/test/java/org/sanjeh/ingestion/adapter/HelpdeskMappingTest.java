package org.sanjeh.ingestion.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;

class HelpdeskMappingTest {

  @TempDir Path dir;

  static final String MAPPING =
      """
      {"format": "csv", "source_system": "zendesk",
       "fields": {
         "event_id": "comment_id",
         "ticket_id": "ticket_id",
         "occurred_at": {"column": "created_at", "pattern": "yyyy-MM-dd HH:mm:ss", "zone": "Asia/Tehran"},
         "type": {"column": "kind", "values": {"new": "ticket_created", "public": "agent_reply", "note": "internal_note"}},
         "author_role": {"column": "author", "values": {"end-user": "customer", "agent": "agent"}},
         "channel": {"value": "email"},
         "body": "text",
         "tags": {"column": "tags", "split": " "}}}
      """;

  @Test
  void rowsBecomeEventsThroughTheMappingIncludingQuotedMultiLineBodies() throws Exception {
    Path csv =
        file(
            "export.csv",
            """
        comment_id,ticket_id,created_at,kind,author,text,tags
        1001,77,2024-05-08 09:15:00,new,end-user,"سلام،
        سفارش ""۱۲۳"" نرسیده, لطفاً پیگیری کنید",vip delivery
        1002,77,2024-05-08 10:00:00,public,agent,Sent today,
        """);

    List<ImportItem> items = HelpdeskMapping.load(file("mapping.json", MAPPING)).read(csv);

    List<TicketEvent> events = items.stream().map(i -> ((ImportItem.Event) i).event()).toList();
    assertThat(events)
        .extracting(TicketEvent::type)
        .containsExactly(EventType.TICKET_CREATED, EventType.AGENT_REPLY);
    assertThat(events.get(0).body()).isEqualTo("سلام،\nسفارش \"۱۲۳\" نرسیده, لطفاً پیگیری کنید");
    assertThat(events.get(0).occurredAt()).isEqualTo(Instant.parse("2024-05-08T05:45:00Z"));
    assertThat(events.get(0).tags()).containsExactly("vip", "delivery");
    assertThat(events.get(0).sourceSystem()).isEqualTo("zendesk");
    assertThat(events.get(1).authorRole()).isEqualTo(AuthorRole.AGENT);
  }

  @Test
  void aBadRowIsRejectedWithItsLineFieldAndValueAndTheOthersGoThrough() throws Exception {
    Path csv =
        file(
            "export.csv",
            """
        comment_id,ticket_id,created_at,kind,author,text,tags
        1,77,2024-05-08 09:15:00,new,end-user,hi,
        2,77,08/05/2024,public,agent,hello,
        3,77,2024-05-08 10:00:00,merged-away,agent,hello,
        4,,2024-05-08 10:00:00,public,agent,hello,
        """);

    List<ImportItem> items = HelpdeskMapping.load(file("mapping.json", MAPPING)).read(csv);

    assertThat(items).filteredOn(ImportItem.Event.class::isInstance).hasSize(1);
    assertThat(items)
        .filteredOn(ImportItem.Rejected.class::isInstance)
        .extracting(
            i -> ((ImportItem.Rejected) i).where() + ": " + ((ImportItem.Rejected) i).reason())
        .containsExactly(
            "export.csv line 3: column created_at=\"08/05/2024\" does not match the mapping's pattern yyyy-MM-dd HH:mm:ss",
            "export.csv line 4: type=\"merged-away\": unknown value; expected one of "
                + org.sanjeh.core.event.WireValue.allowed(EventType.class),
            "export.csv line 5: ticket_id: required field is missing");
  }

  @Test
  void aMappingThatReadsAMissingColumnFailsBeforeAnyRow() throws Exception {
    Path csv = file("export.csv", "id,text\n1,hi\n");

    assertThatThrownBy(() -> HelpdeskMapping.load(file("mapping.json", MAPPING)).read(csv))
        .hasMessageContaining(
            "export.csv line 1: the mapping reads event_id from column 'comment_id', which the header lacks");
  }

  @Test
  void jsonlRowsWorkTheSameWay() throws Exception {
    String mapping = MAPPING.replace("\"format\": \"csv\"", "\"format\": \"jsonl\"");
    Path jsonl =
        file(
            "export.jsonl",
            "{\"comment_id\":5,\"ticket_id\":9,\"created_at\":\"2024-05-08 09:15:00\",\"kind\":\"note\",\"author\":\"agent\",\"text\":\"check courier\"}\n");

    List<ImportItem> items = HelpdeskMapping.load(file("mapping.json", mapping)).read(jsonl);

    assertThat(((ImportItem.Event) items.get(0)).event().type()).isEqualTo(EventType.INTERNAL_NOTE);
  }

  @Test
  void csvQuotingFollowsRfc4180() throws Exception {
    CsvReader csv =
        new CsvReader(new StringReader("\uFEFFa,\"b,c\",\"d\"\"e\"\r\n\"multi\nline\",x,\n"));

    assertThat(csv.next()).isEqualTo(new CsvReader.Record(1, List.of("a", "b,c", "d\"e")));
    assertThat(csv.next()).isEqualTo(new CsvReader.Record(2, List.of("multi\nline", "x", "")));
    assertThat(csv.next()).isNull();
  }

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }
}
