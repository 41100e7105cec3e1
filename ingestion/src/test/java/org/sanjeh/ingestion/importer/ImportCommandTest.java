package org.sanjeh.ingestion.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command's contract without Kafka: exit codes, --out, the summary, --dry-run. */
class ImportCommandTest {

  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private int run(String... args) {
    return new CommandLine(
            new ImportCommand(null, new PrintStream(out, true, StandardCharsets.UTF_8)))
        .execute(args);
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aRunThatAcceptsNothingExitsNonZeroAndTheSummaryShowsTheRejectedValues() throws Exception {
    Path bad =
        Files.writeString(
            dir.resolve("bad.jsonl"),
            "{\"event_id\":\"1\",\"ticket_id\":\"t\",\"occurred_at\":\"2024-01-01T00:00:00Z\",\"type\":\"ticket_created\",\"channel\":\"pigeon\",\"author_role\":\"customer\"}\n");

    int status =
        run(
            bad.toString(),
            "--format",
            "ndjson",
            "--out",
            dir.resolve("o.jsonl").toString(),
            "--bootstrap-servers",
            "127.0.0.1:1");

    assertThat(status).isEqualTo(1);
    assertThat(printed())
        .contains("accepted 0 events; rejected 1 rows")
        .contains("e.g. bad.jsonl line 1: channel=\"pigeon\": unknown value")
        .contains("ERROR: nothing was accepted");
    assertThat(Files.readString(dir.resolve("bad.jsonl.rejects.jsonl")))
        .contains("\"outcome\":\"rejected\"")
        .contains("channel=\\\"pigeon\\\"");
  }

  @Test
  void severalFilesOfAFolderGoThroughOneMappingWithTheirSkipsCountedApart() throws Exception {
    Path export = Files.createDirectories(dir.resolve("export"));
    Files.writeString(export.resolve("users.csv"), "id,role\nu1,end-user\nu2,agent\n");
    Files.writeString(
        export.resolve("comments.csv"),
        "id,ticket_id,user_id,created,public\nc1,7,u1,2024-05-08 09:00:00,TRUE\nc2,7,u2,2024-05-08 09:30:00,TRUE\nc3,7,u2,2024-05-08 09:40:00,FALSE\n");
    Files.writeString(
        export.resolve("history.csv"),
        "ticket_id,field_name,updated,value\n7,status,2024-05-08 10:00:00,solved\n");
    Path mapping =
        Files.writeString(
            dir.resolve("mapping.json"),
            """
            {"lookups": {"users": {"file": "users.csv", "key": "id"}},
             "files": [
               {"match": "comments.csv",
                "skip": [{"column": "public", "equals": "false", "reason": "private notes stay out"}],
                "fields": {"event_id": {"column": "id", "prefix": "c:"}, "ticket_id": "ticket_id",
                  "occurred_at": {"column": "created", "pattern": "yyyy-MM-dd HH:mm:ss"},
                  "type": {"lookup": "users", "key": "user_id", "column": "role", "values": {"end-user": "customer_message"}, "default": "agent_reply"},
                  "author_role": {"lookup": "users", "key": "user_id", "column": "role", "values": {"end-user": "customer"}, "default": "agent"},
                  "channel": {"value": "email"}}},
               {"match": "history.csv",
                "fields": {"event_id": {"template": "h:{ticket_id}:{field_name}:{updated}"}, "ticket_id": "ticket_id",
                  "occurred_at": {"column": "updated", "pattern": "yyyy-MM-dd HH:mm:ss"},
                  "type": {"value": "status_changed"}, "status": "value",
                  "channel": {"value": "email"}, "author_role": {"value": "system"}}}]}
            """);

    int status =
        run(
            export.toString(),
            "--format",
            "helpdesk",
            "--mapping",
            mapping.toString(),
            "--out",
            dir.resolve("o.jsonl").toString());

    assertThat(status).isZero();
    assertThat(Files.readAllLines(dir.resolve("o.jsonl")))
        .hasSize(3)
        .anySatisfy(l -> assertThat(l).contains("\"type\":\"customer_message\""))
        .anySatisfy(l -> assertThat(l).contains("\"event_id\":\"h:7:status:2024-05-08 10:00:00\""));
    assertThat(printed())
        .contains("accepted 3 events; rejected 0 rows, skipped 1 on purpose")
        .contains("1 skipped: private notes stay out (public=\"FALSE\")");
  }

  @Test
  void aDryRunShowsTheFirstRowsAndSendsNothing() throws Exception {
    Path csv = Files.writeString(dir.resolve("e.csv"), "id,t\n1,x\n2,y\n3,z\n");
    Path mapping =
        Files.writeString(
            dir.resolve("m.json"),
            """
            {"fields": {"event_id": "id", "ticket_id": "t", "occurred_at": {"value": "2024-01-01T00:00:00Z"},
              "type": {"value": "ticket_created"}, "channel": {"value": "email"}, "author_role": {"value": "customer"}}}
            """);

    int status =
        run(
            csv.toString(),
            "--format",
            "helpdesk",
            "--mapping",
            mapping.toString(),
            "--dry-run",
            "2");

    assertThat(status).isZero();
    assertThat(printed())
        .contains("e.csv line 2 → ticket_created event 1")
        .contains("ticket_id    ← t=\"x\" → \"x\"")
        .contains("e.csv line 3")
        .doesNotContain("e.csv line 4");
    assertThat(dir.resolve("e.csv.rejects.jsonl")).doesNotExist();
  }
}
