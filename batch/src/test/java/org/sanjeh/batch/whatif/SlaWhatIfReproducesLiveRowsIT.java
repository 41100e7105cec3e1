package org.sanjeh.batch.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanjeh.batch.testing.Warehouses.command;
import static org.sanjeh.batch.testing.Warehouses.concat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.batch.BatchCommand;
import org.sanjeh.batch.testing.SparkTest;
import org.sanjeh.batch.testing.Warehouses;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.streaming.config.PolicyFile;
import org.sanjeh.warehouse.RowBinaryOut;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import picocli.CommandLine;

/**
 * With the live policy, the what-if's recomputation gives exactly what the live job stored. The
 * live rows are those the real streaming SlaFunction produced for the same events (streaming's
 * {@code LiveSlaRowsForBatchTest} keeps that file true), loaded into sla_tickets as the job's sink
 * writes them.
 */
@ExtendWith(ClickHouseExtension.class)
class SlaWhatIfReproducesLiveRowsIT extends SparkTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] TARGETS = {"first_response", "next_response", "resolution"};
  private static final String[] PREFIXES = {"fr", "nr", "res"};

  private static List<JsonNode> liveRows;

  private final Warehouse warehouse;

  SlaWhatIfReproducesLiveRowsIT(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @BeforeAll
  static void loadTheLiveJobsResult(Warehouse warehouse) throws IOException {
    List<TicketEvent> events = new ArrayList<>();
    TicketEventCodec codec = new TicketEventCodec();
    for (String line : Files.readAllLines(fixture("events.jsonl"), StandardCharsets.UTF_8)) {
      events.add(codec.decode(line.getBytes(StandardCharsets.UTF_8)).event());
    }
    Warehouses.store(warehouse, List.of(events));
    liveRows = new ArrayList<>();
    for (String line : Files.readAllLines(fixture("live-rows.jsonl"), StandardCharsets.UTF_8)) {
      liveRows.add(JSON.readTree(line));
    }
    List<String> columns =
        new ArrayList<>(
            List.of(
                "ticket_id",
                "as_of",
                "policy",
                "channel",
                "team",
                "priority",
                "ticket_status",
                "removed"));
    for (String p : PREFIXES) {
      columns.addAll(List.of(p + "_status", p + "_due_at", p + "_fulfilled_at"));
    }
    columns.add("version");
    warehouse.insert(
        "sla_tickets",
        columns,
        out -> {
          for (JsonNode row : liveRows) {
            writeLiveRow(row, out);
          }
        });
  }

  /** As the streaming sink writes a row: instants in whole seconds, 0 when absent. */
  private static void writeLiveRow(JsonNode row, RowBinaryOut out) throws IOException {
    out.string(row.get("ticket_id").asText());
    out.dateTimeMillis(millis(row.get("as_of")));
    out.string(row.get("policy").asText());
    out.string(row.get("channel").asText());
    out.string(row.get("team").asText());
    out.string(row.get("priority").asText());
    out.string(row.get("status").asText());
    out.string(row.get("removed").asText());
    for (String target : TARGETS) {
      JsonNode t = row.get(target);
      out.string(t.get("status").asText());
      out.dateTimeMillis(millis(t.get("due_at")));
      out.dateTimeMillis(millis(t.get("fulfilled_at")));
    }
    out.uint64(millis(row.get("as_of")) * 1000);
  }

  private static long millis(JsonNode instant) {
    return instant == null || instant.isNull()
        ? -1
        : Instant.parse(instant.asText()).toEpochMilli();
  }

  private static Path fixture(String name) {
    try {
      return Path.of(
          SlaWhatIfReproducesLiveRowsIT.class.getResource("/sla-whatif/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private int whatIf(Path policy) {
    return new CommandLine(new BatchCommand())
        .execute(
            concat(
                command(warehouse, "sla-whatif"),
                "--policy=" + policy,
                "--from=2026-10-03",
                "--to=2026-10-14"));
  }

  private static Path write(Path folder, String name, String text) {
    try {
      return Files.writeString(folder.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void withTheLivePolicyEveryTicketKeepsTheStatusAndDeadlineTheLiveJobGaveIt(@TempDir Path dir) {
    assertThat(whatIf(write(dir, "live.json", PolicyFile.defaultText()))).isZero();

    Map<String, String> recomputed = new HashMap<>();
    warehouse.query(
        "SELECT ticket_id, target, after_status, after_due_at, before_status, changed"
            + " FROM sla_whatif_tickets FINAL WHERE scenario = 'iran-standard'",
        row ->
            recomputed.put(
                row.getString(1) + " " + row.getString(2),
                row.getString(3)
                    + " "
                    + row.getLong(4)
                    + " "
                    + row.getString(5)
                    + " "
                    + row.getInt(6)));
    assertThat(recomputed).hasSize(liveRows.size() * 3);
    for (JsonNode live : liveRows) {
      for (String target : TARGETS) {
        JsonNode t = live.get(target);
        long due = millis(t.get("due_at"));
        String status = t.get("status").asText();
        assertThat(recomputed.get(live.get("ticket_id").asText() + " " + target))
            .as("%s %s", live.get("ticket_id").asText(), target)
            .isEqualTo(status + " " + (due < 0 ? 0 : due / 1000) + " " + status + " 0");
      }
    }
  }

  @Test
  void aStricterFirstResponseTargetOnlyTurnsAchievedIntoBreached(@TempDir Path dir) {
    String strict =
        PolicyFile.defaultText()
            .replace("\"iran-standard\"", "\"iran-15-minutes\"")
            .replaceAll("\"first_response_minutes\": \\d+", "\"first_response_minutes\": 15");
    assertThat(whatIf(write(dir, "strict.json", strict))).isZero();

    String changes =
        "SELECT count() FROM sla_whatif_tickets FINAL WHERE scenario = 'iran-15-minutes' AND changed = 1";
    assertThat(warehouse.queryLong(changes)).isPositive();
    assertThat(
            warehouse.queryLong(
                changes
                    + " AND NOT (target = 'first_response' AND before_status = 'achieved' AND after_status = 'breached')"))
        .isZero();
    assertThat(
            warehouse.queryLong(
                "SELECT count() FROM sla_whatif_tickets WHERE before_status = 'missing'"))
        .isZero();
  }
}
