package org.sanjeh.ingestion.importer.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.ingestion.importer.ImportCommand;
import picocli.CommandLine;

/**
 * Fivetran's own Zendesk test tables (../shared/data/zendesk-fivetran, Apache-2.0) in one command,
 * to a file: the counts, and every inconsistency of that data reported with its values.
 */
class FivetranZendeskImportTest {

  static final Path FIVETRAN = Path.of("..", "..", "shared", "data", "zendesk-fivetran");

  @TempDir Path dir;
  String stdout;
  int status;
  List<TicketEvent> events;
  List<String> rejects;

  @BeforeEach
  void importTheFivetranData() throws Exception {
    assumeTrue(Files.isDirectory(FIVETRAN), "no shared data at " + FIVETRAN.toAbsolutePath());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    status =
        new CommandLine(new ImportCommand(null, new PrintStream(out, true, StandardCharsets.UTF_8)))
            .execute(
                FIVETRAN.toString(),
                "--format",
                "zendesk",
                "--out",
                dir.resolve("events.jsonl").toString(),
                "--rejects",
                dir.toString(),
                "--sla-dir",
                dir.resolve("sla").toString(),
                // nothing listens there: --out must not need Kafka
                "--bootstrap-servers",
                "127.0.0.1:1");
    stdout = out.toString(StandardCharsets.UTF_8);
    TicketEventCodec codec = new TicketEventCodec();
    events =
        Files.readAllLines(dir.resolve("events.jsonl")).stream()
            .map(l -> codec.decode(l).orThrow())
            .toList();
    rejects = Files.readAllLines(dir.resolve("zendesk-fivetran.rejects.jsonl"));
  }

  @Test
  void theTablesImportInOneCommandWithTheExpectedCountsAndNoKafka() {
    assertThat(status).isZero();
    assertThat(events).hasSize(33);
    assertThat(events.stream().map(TicketEvent::ticketId).distinct()).hasSize(10);
    assertThat(events).filteredOn(e -> e.type() == EventType.TICKET_CREATED).hasSize(10);
    assertThat(events).filteredOn(e -> e.type() == EventType.STATUS_CHANGED).hasSize(19);
    assertThat(events).filteredOn(e -> e.type() == EventType.DELETED).hasSize(2);
    assertThat(events).filteredOn(e -> e.type() == EventType.PRIORITY_CHANGED).hasSize(2);
    assertThat(stdout).contains("accepted 33 events; rejected 62 rows, skipped 8 on purpose");
  }

  @Test
  void itsCommentsReferToTicketsAbsentFromItsTicketTableAndTheImportSaysSo() {
    assertThat(stdout)
        .contains("20 rejected: comment for a ticket not in the export")
        .contains(
            "e.g. ticket_comment_data.csv line 2: comment 1030820361033: ticket_id=\"1077\" is not in the ticket table");
    assertThat(rejects)
        .filteredOn(l -> l.contains("\"check\":\"comment for a ticket not in the export\""))
        .hasSize(20)
        .allMatch(l -> l.contains("\"outcome\":\"rejected\""));
  }

  @Test
  void todaysStatusAndPriorityAreNotStampedOnTheCreationTheFieldHistoryIs() {
    List<TicketEvent> ticket = events.stream().filter(e -> e.ticketId().equals("11071")).toList();
    TicketEvent created = ticket.get(0);

    assertThat(created.type()).isEqualTo(EventType.TICKET_CREATED);
    assertThat(created.status()).as("closed is today's status").isNull();
    assertThat(created.priority()).as("urgent is today's priority").isNull();
    assertThat(ticket)
        .filteredOn(e -> e.type() == EventType.PRIORITY_CHANGED)
        .extracting(e -> e.priority().wire() + "@" + e.occurredAt())
        .containsExactly("high@2020-10-15T11:01:27Z", "urgent@2020-11-02T11:01:27Z");
    assertThat(ticket.get(ticket.size() - 1).status().wire()).isEqualTo("closed");
  }

  @Test
  void everyInconsistencyIsReportedWithItsValues() {
    assertThat(stdout)
        .contains("3 rejected: event dated before its ticket was created")
        .contains(
            "status=\"open\" at 2020-08-28T11:01:27Z is 7 h 05 min before ticket 11071 was created (2020-08-28T18:06:36Z)")
        .contains(
            "priority=\"medium\" of ticket 11071 at 2020-09-30T11:01:27Z is not a Zendesk priority")
        .contains("36 rejected: row for a ticket not in the export")
        .contains("3 skipped: duplicate row")
        .contains("19 found: user referred to but not in the user table")
        .contains(
            "ticket 1966 lists merged_ticket_ids [1967]; ticket 1967 is not in the ticket table")
        .contains(
            "holiday \"Test Holiday\" (2022-12-26 to 2022-12-27) belongs to schedule_id=\"360000\", which is not in the schedule table")
        .contains("metric=\"requester_wait_time\"")
        .doesNotContain("=\"…\"");
    assertThat(rejects)
        .anyMatch(
            l -> l.contains("SLA policy 1002: priority=\\\"medium\\\" is not a Zendesk priority"))
        .anyMatch(
            l ->
                l.contains(
                    "ticket_id=\\\"123\\\" is not in the ticket table (schedule_id=\\\"3600\\\")"))
        .anyMatch(
            l ->
                l.contains(
                    "user 402935450113: referred to 1 time, e.g. ticket_comment_data.csv line 2"))
        .hasSize(62 + 8 + 9 + 18 + 1 + 19 + 6);
  }

  @Test
  void theScheduleBecomesACalendarAndThePolicyVersionsPolicyFiles() throws Exception {
    Path sla = dir.resolve("sla");

    assertThat(Files.readString(sla.resolve("calendar-360000310393.json")))
        .contains("\"timezone\" : \"America/Los_Angeles\"")
        .contains("\"fri\" : [ [ \"08:00\", \"20:00\" ] ]");
    assertThat(Files.readAllLines(sla.resolve("ticket-policies.csv")))
        .contains(
            "1595,zendesk-sla-1001-20200101-360000310393",
            "16988,zendesk-sla-1001-20200601-360000310393",
            "11071,zendesk-sla-1002-20200101-24x7")
        .hasSize(11);
    assertThat(Files.readString(sla.resolve("zendesk-sla-1001-20200601-360000310393.json")))
        .contains("\"first_response_minutes\" : 45")
        .contains("\"business_time\" : true");
    assertThat(Files.readString(sla.resolve("zendesk-sla-1002-20200101-24x7.json")))
        .contains("\"business_time\" : false");
  }
}
