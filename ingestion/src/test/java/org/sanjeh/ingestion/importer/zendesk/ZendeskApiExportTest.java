package org.sanjeh.ingestion.importer.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.Priority;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketStatus;
import org.sanjeh.ingestion.importer.Finding;

/** The API's export shape, on the sample payloads in src/test/resources/zendesk-api (README). */
class ZendeskApiExportTest {

  private static ZendeskImport.Result sample(String folder) throws Exception {
    return ZendeskImport.read(
        Path.of(ZendeskApiExportTest.class.getResource("/" + folder).toURI()), false);
  }

  private static List<TicketEvent> of(ZendeskImport.Result result, String ticket) {
    return result.events().stream().filter(e -> e.ticketId().equals(ticket)).toList();
  }

  @Test
  void aTicketsHistoryComesFromItsAuditsAtTheirTimesWithRolesFromTheUsers() throws Exception {
    ZendeskImport.Result result = sample("zendesk-api");

    assertThat(result.shape()).isEqualTo("Zendesk API export");
    List<TicketEvent> events = of(result, "501");
    assertThat(events)
        .extracting(e -> e.type().wire() + "@" + e.occurredAt())
        .containsExactly(
            "ticket_created@2024-05-06T06:00:00Z",
            "internal_note@2024-05-06T06:40:00Z",
            "agent_reply@2024-05-06T07:10:00Z",
            "status_changed@2024-05-06T07:10:00Z",
            "assigned@2024-05-06T07:10:00Z",
            "customer_message@2024-05-07T09:00:00Z",
            "status_changed@2024-05-07T09:00:00Z",
            "priority_changed@2024-05-07T09:30:00Z",
            "tags_changed@2024-05-07T09:30:00Z",
            "agent_reply@2024-05-07T10:00:00Z",
            "status_changed@2024-05-07T10:00:00Z",
            "status_changed@2024-05-07T10:00:00Z");
    TicketEvent created = events.get(0);
    assertThat(created.channel()).isEqualTo(Channel.EMAIL);
    assertThat(created.authorRole()).isEqualTo(AuthorRole.CUSTOMER);
    assertThat(created.body()).isEqualTo("My parcel 7731 has not arrived.");
    assertThat(created.status()).as("created new, closed only today").isEqualTo(TicketStatus.NEW);
    assertThat(created.priority()).as("created normal, high only later").isEqualTo(Priority.NORMAL);
    assertThat(created.team()).isEqualTo("Logistics");
    assertThat(events.get(1).authorRole()).isEqualTo(AuthorRole.AGENT);
    assertThat(events.get(2).isPublicHumanReply()).isTrue();
    assertThat(events.get(4).agentId()).isEqualTo("21");
    assertThat(events.get(5).authorRole()).isEqualTo(AuthorRole.CUSTOMER);
    assertThat(events.get(7).priority()).isEqualTo(Priority.HIGH);
    assertThat(events.get(8).tags()).containsExactly("delivery", "vip");
    assertThat(events.get(11).status()).isEqualTo(TicketStatus.CLOSED);
    assertThat(events.get(11).eventId()).endsWith("status-at-export:closed");
  }

  @Test
  void viaChannelsMergesAndTicketsOpenedByAgentsAreRead() throws Exception {
    ZendeskImport.Result result = sample("zendesk-api");

    assertThat(of(result, "502").get(0).channel()).isEqualTo(Channel.CHAT);
    assertThat(of(result, "502"))
        .filteredOn(e -> e.type() == EventType.MERGED)
        .singleElement()
        .satisfies(m -> assertThat(m.mergedInto()).isEqualTo("501"));
    TicketEvent call = of(result, "503").get(0);
    assertThat(call.channel()).isEqualTo(Channel.PHONE);
    assertThat(call.authorRole()).as("an admin logged the call").isEqualTo(AuthorRole.AGENT);
    assertThat(call.customerId()).isEqualTo("12");
  }

  @Test
  void aCommentOfATicketNotInTheExportAndOneByAMissingUserAreReportedWithTheirValues()
      throws Exception {
    ZendeskImport.Result result = sample("zendesk-api");

    assertThat(result.findings())
        .filteredOn(f -> f.outcome() == Finding.Outcome.REJECTED)
        .extracting(f -> f.where() + ": " + f.message())
        .containsExactlyInAnyOrder(
            "ticket_audits.json audits[10]: comment 99011: ticket_id=\"599\" is not in the ticket table",
            "ticket_audits.json audits[7]: comment 91021: user_id=\"99\" is not in the user table, so whether a customer or an agent wrote it is unknown");
    assertThat(result.findings())
        .filteredOn(f -> f.check().equals(ZendeskEvents.MISSING_USER))
        .extracting(Finding::message)
        .singleElement()
        .asString()
        .startsWith("user 99: referred to 1 time, e.g. ticket_audits.json audits[7]");
  }

  @Test
  void schedulesAndPoliciesBecomeACalendarAndAPolicyFileAndWhatHasNoEquivalentIsSaid()
      throws Exception {
    ZendeskImport.Result result = sample("zendesk-api");

    assertThat(result.policyOfTicket()).containsOnlyKeys("501");
    String policy = result.policyFiles().get(result.policyOfTicket().get("501"));
    assertThat(policy)
        .contains("\"timezone\" : \"America/New_York\"")
        .contains("\"mon\" : [ [ \"09:00\", \"17:00\" ] ]")
        .contains("\"2024-05-27\"")
        .contains("\"first_response_minutes\" : 120")
        .contains("\"next_response_minutes\" : 240");
    assertThat(result.findings())
        .filteredOn(f -> f.check().equals(ZendeskSla.NO_EQUIVALENT))
        .extracting(Finding::message)
        .anyMatch(m -> m.contains("metric=\"periodic_update_time\""));
  }

  @Test
  void theIncrementalTicketEventShapeNamesTheChangedFieldAsAKey() throws Exception {
    ZendeskImport.Result result = sample("zendesk-api-events");

    assertThat(result.events())
        .extracting(e -> e.type().wire())
        .containsExactly("ticket_created", "agent_reply", "status_changed", "priority_changed");
    assertThat(result.events().get(0).occurredAt())
        .isEqualTo(Instant.parse("2024-06-02T08:00:00Z"));
    assertThat(result.events().get(0).priority()).isEqualTo(Priority.NORMAL);
    assertThat(result.events().get(0).channel()).isEqualTo(Channel.WEB_FORM);
    assertThat(result.events().get(3).priority()).isEqualTo(Priority.LOW);
  }
}
