package org.sanjeh.ingestion.importer.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.ingestion.importer.Finding;

/** Schedules and SLA policy history into calendars and policy files. */
class ZendeskSlaTest {

  @TempDir Path dir;

  private ZendeskImport.Result export(String schedules, String ticketSchedules) throws Exception {
    Files.writeString(
        dir.resolve("ticket.csv"),
        "id,created_at,status\n1,2024-03-04 10:00:00,open\n2,2024-07-01 10:00:00,open\n");
    Files.writeString(dir.resolve("user.csv"), "id,role\n");
    Files.writeString(dir.resolve("schedule.csv"), schedules);
    Files.writeString(
        dir.resolve("schedule_holiday.csv"),
        "schedule_id,name,start_date,end_date\n8,Nowruz,2024-03-20,2024-03-23\n");
    Files.writeString(
        dir.resolve("sla_policy_metric_history.csv"),
        """
        sla_policy_id,sla_policy_updated_at,business_hours,metric,priority,target
        5,2024-01-01 00:00:00,TRUE,first_reply_time,high,60
        5,2024-01-01 00:00:00,TRUE,agent_work_time,high,600
        5,2024-06-01 00:00:00,TRUE,first_reply_time,high,30
        5,2024-06-01 00:00:00,TRUE,pausable_update_time,high,120
        """);
    Files.writeString(
        dir.resolve("ticket_sla_policy.csv"),
        "ticket_id,sla_policy_id,policy_applied_at\n1,5,2024-03-04 10:00:00\n2,5,2024-07-01 10:00:00\n");
    Files.writeString(dir.resolve("ticket_schedule.csv"), ticketSchedules);
    return ZendeskImport.read(dir, false);
  }

  @Test
  void aNightShiftIntervalIsSplitAtMidnightAndHolidaysAreEveryDayOfTheirSpan() throws Exception {
    // Saturday 22:00 to Sunday 06:00: minutes 6*1440+1320 to 7*1440+360 (wraps to Sunday)
    ZendeskImport.Result result =
        export(
            "id,name,time_zone,start_time,end_time\n8,Nights,Tehran,9960,10440\n9,Days,Berlin,540,1020\n",
            "ticket_id,schedule_id,created_at\n1,8,2024-03-04 10:00:00\n2,9,2024-07-01 09:00:00\n");

    String nights = result.policyFiles().get(result.policyOfTicket().get("1"));
    assertThat(nights)
        .contains("\"timezone\" : \"Asia/Tehran\"")
        .contains("\"sat\" : [ [ \"22:00\", \"24:00\" ] ]")
        .contains("\"sun\" : [ [ \"00:00\", \"06:00\" ] ]")
        .contains("\"2024-03-20\", \"2024-03-21\", \"2024-03-22\", \"2024-03-23\"");
  }

  @Test
  void theVersionInForceWhenThePolicyWasAppliedAndTheSchedulesHistoryDecide() throws Exception {
    ZendeskImport.Result result =
        export(
            "id,name,time_zone,start_time,end_time\n8,Nights,Tehran,9960,10440\n9,Days,Berlin,540,1020\n",
            "ticket_id,schedule_id,created_at\n1,8,2024-03-04 10:00:00\n2,8,2024-07-01 09:00:00\n2,9,2024-07-01 09:30:00\n");

    assertThat(result.policyOfTicket())
        .containsEntry("1", "zendesk-sla-5-20240101-8")
        .containsEntry("2", "zendesk-sla-5-20240601-9");
    assertThat(result.policyFiles().get("zendesk-sla-5-20240101-8"))
        .contains("\"first_response_minutes\" : 60")
        .contains("\"resolution_minutes\" : 600")
        .contains("\"pausing_statuses\" : [ \"pending\", \"on_hold\" ]");
    assertThat(result.policyFiles().get("zendesk-sla-5-20240601-9"))
        .contains("\"first_response_minutes\" : 30")
        .contains("\"timezone\" : \"Europe/Berlin\"")
        .contains("\"pausing_statuses\" : [ ]");
    assertThat(result.findings())
        .filteredOn(f -> f.check().equals(ZendeskSla.NO_EQUIVALENT))
        .extracting(Finding::message)
        .containsExactly(
            "SLA policy 5: metric=\"pausable_update_time\" (high, 120 min) has no Sanjeh target; not imported");
  }

  @Test
  void aZoneThatIsNeitherRailsNorIanaIsReportedAndThePolicyFallsBackTo24x7() throws Exception {
    ZendeskImport.Result result =
        export(
            "id,name,time_zone,start_time,end_time\n8,Lost,Atlantis,540,1020\n",
            "ticket_id,schedule_id,created_at\n1,8,2024-03-04 10:00:00\n");

    assertThat(result.findings())
        .extracting(Finding::message)
        .contains(
            "schedule 8 \"Lost\": time_zone=\"Atlantis\" is neither a Rails zone name nor an IANA zone");
    assertThat(result.policyOfTicket().get("1")).endsWith("-24x7");
  }
}
