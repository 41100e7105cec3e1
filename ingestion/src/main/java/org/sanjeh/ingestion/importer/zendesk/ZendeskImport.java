package org.sanjeh.ingestion.importer.zendesk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.ingestion.importer.Finding;

/**
 * {@code ./sanjeh import DIR --format zendesk}: a Zendesk export in either shape it exists in
 * practice, told apart by its files: Fivetran's tables ({@code ticket.csv}, {@code
 * ticket_comment.jsonl}, with or without {@code _data}) or the API's export ({@code tickets.json},
 * {@code ticket_audits.json} or {@code ticket_events.json}, {@code users.json}). Gives the ticket
 * events in the order they happened, everything that could not be placed as findings, and the
 * business calendars and SLA policy files of the account's schedules and policies.
 */
public final class ZendeskImport {

  /** What an export became. */
  public record Result(
      String shape,
      List<TicketEvent> events,
      List<Finding> findings,
      Map<String, Long> rowsRead,
      ZendeskSla.Plan sla) {

    /** Which policy file (by name) measures each ticket; tickets without an SLA are absent. */
    public Map<String, String> policyOfTicket() {
      return sla.policyOfTicket();
    }

    /** Policy file names to their JSON text (streaming's --policy format). */
    public Map<String, String> policyFiles() {
      Map<String, String> files = new java.util.TreeMap<>();
      sla.policies().forEach((name, json) -> files.put(name, ZendeskSla.Plan.json(json)));
      return files;
    }

    /**
     * Writes {@code calendar-SCHEDULE.json}, {@code POLICY.json} and {@code ticket-policies.csv}
     * (ticket_id,policy) into the folder; returns the files written.
     */
    public List<Path> writeSla(Path folder) throws IOException {
      List<Path> written = new ArrayList<>();
      if (sla.isEmpty()) {
        return written;
      }
      Files.createDirectories(folder);
      for (var calendar : sla.calendars().entrySet()) {
        Path file = folder.resolve("calendar-" + calendar.getKey() + ".json");
        Files.writeString(file, ZendeskSla.Plan.json(calendar.getValue()), StandardCharsets.UTF_8);
        written.add(file);
      }
      for (var policy : policyFiles().entrySet()) {
        Path file = folder.resolve(policy.getKey() + ".json");
        Files.writeString(file, policy.getValue(), StandardCharsets.UTF_8);
        written.add(file);
      }
      Path assignments = folder.resolve("ticket-policies.csv");
      StringBuilder csv = new StringBuilder("ticket_id,policy\n");
      policyOfTicket().forEach((t, p) -> csv.append(t).append(',').append(p).append('\n'));
      Files.writeString(assignments, csv, StandardCharsets.UTF_8);
      written.add(assignments);
      return written;
    }
  }

  private ZendeskImport() {}

  /**
   * @throws IllegalArgumentException when the folder holds neither shape, or a table lacks a column
   *     the import needs (naming the file, the column and what it has)
   */
  public static Result read(Path folder, boolean progress) throws IOException {
    List<Path> files = files(folder);
    List<Finding> findings = new ArrayList<>();
    ZendeskData data;
    try {
      if (FivetranTables.looksLikeFivetran(files)) {
        data =
            FivetranTables.read(
                files.stream().filter(Tables::isTable).toList(), progress, findings::add);
      } else if (ApiExport.looksLikeApi(files)) {
        data =
            ApiExport.read(
                files.stream()
                    .filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonl"))
                    .toList(),
                findings::add);
      } else {
        throw new IllegalArgumentException(
            "%s holds neither Fivetran's Zendesk tables (ticket.csv or ticket_data.csv or ticket.jsonl, ticket_comment…, user…) nor a Zendesk API export (tickets.json with ticket_audits.json or ticket_events.json and users.json); it has %s"
                .formatted(folder, files.stream().map(f -> f.getFileName().toString()).toList()));
      }
    } catch (FivetranTables.MissingColumn e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    List<TicketEvent> events = ZendeskEvents.build(data, findings::add);
    ZendeskSla.Plan plan = ZendeskSla.plan(data, findings::add);
    return new Result(data.shape, events, findings, data.rowsRead, plan);
  }

  private static List<Path> files(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(
          "--format zendesk reads a folder of exported files; " + folder + " is not a folder");
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
