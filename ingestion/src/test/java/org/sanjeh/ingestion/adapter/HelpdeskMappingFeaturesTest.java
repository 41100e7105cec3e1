package org.sanjeh.ingestion.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;

/**
 * What real exports need from a mapping: joins, computed fields, lists, maps, filters, dry runs.
 */
class HelpdeskMappingFeaturesTest {

  @TempDir Path dir;

  static final String COMMENTS =
      """
      id,ticket_id,user_id,created,public,body,tags,assignee_id,submitter_id
      c1,77,u1,2024-05-08 09:15:00,TRUE,hi,"[""vip"",""late""]",,s9
      c2,77,u2,2024-05-08 10:00:00,TRUE,sent,[],a5,s9
      c3,77,u2,2024-05-08 10:05:00,FALSE,note,[],a5,s9
      """;

  static final String USERS =
      """
      id,role
      u1,End-User
      u2,AGENT
      """;

  static final String MAPPING =
      """
      {"source_system": "zendesk",
       "lookups": {"users": {"file": "users.csv", "key": "id"}},
       "skip": [{"column": "public", "equals": "false", "reason": "private notes are not imported"}],
       "fields": {
         "event_id": {"column": "id", "prefix": "zendesk:comment:"},
         "ticket_id": "ticket_id",
         "occurred_at": {"column": "created", "pattern": "yyyy-MM-dd HH:mm:ss", "zone": "UTC"},
         "type": {"lookup": "users", "key": "user_id", "column": "role",
                  "values": {"end-user": "customer_message"}, "default": "agent_reply"},
         "author_role": {"lookup": "users", "key": "user_id", "column": "role",
                         "values": {"end-user": "customer", "agent": "agent"}},
         "agent_id": {"first": ["assignee_id", "submitter_id"]},
         "source_ref": {"template": "ticket/{ticket_id}/comment/{id}"},
         "channel": {"value": "email"},
         "body": "body",
         "tags": {"column": "tags", "list": "json"}}}
      """;

  private List<ImportItem> read(String mapping, String comments) throws Exception {
    file("users.csv", USERS);
    return HelpdeskMapping.load(file("mapping.json", mapping)).read(file("comments.csv", comments));
  }

  private static TicketEvent event(ImportItem item) {
    return ((ImportItem.Event) item).event();
  }

  @Test
  void theAuthorRoleIsJoinedFromTheUsersTableByKey() throws Exception {
    List<ImportItem> items = read(MAPPING, COMMENTS);

    assertThat(event(items.get(0)).authorRole()).isEqualTo(AuthorRole.CUSTOMER);
    assertThat(event(items.get(0)).type()).isEqualTo(EventType.CUSTOMER_MESSAGE);
    assertThat(event(items.get(1)).authorRole()).isEqualTo(AuthorRole.AGENT);
    assertThat(event(items.get(1)).type()).isEqualTo(EventType.AGENT_REPLY);
  }

  @Test
  void aKeyMissingFromTheLookupTableRejectsTheRowNamingTheKeyAndTheTable() throws Exception {
    List<ImportItem> items = read(MAPPING, COMMENTS.replace("c2,77,u2", "c2,77,u404"));

    assertThat(((ImportItem.Rejected) items.get(1)).reason())
        .contains("user_id=\"u404\" is not in users.csv (the lookup for role)");
  }

  @Test
  void computedFieldsPrefixTemplateAndFirstNonEmpty() throws Exception {
    List<ImportItem> items = read(MAPPING, COMMENTS);

    assertThat(event(items.get(0)).eventId()).isEqualTo("zendesk:comment:c1");
    assertThat(event(items.get(0)).sourceRef()).isEqualTo("ticket/77/comment/c1");
    assertThat(event(items.get(0)).agentId()).as("no assignee: the submitter").isEqualTo("s9");
    assertThat(event(items.get(1)).agentId()).isEqualTo("a5");
  }

  @Test
  void aFieldHistoryRowGetsAnIdBuiltFromSeveralColumns() throws Exception {
    String mapping =
        """
        {"fields": {
          "event_id": {"template": "zendesk:history:{ticket_id}:{field_name}:{updated}"},
          "ticket_id": "ticket_id",
          "occurred_at": {"column": "updated", "pattern": "yyyy-MM-dd HH:mm:ss"},
          "type": {"value": "status_changed"}, "status": {"column": "value", "values": {"hold": "on_hold"}},
          "channel": {"value": "email"}, "author_role": {"value": "system"}}}
        """;
    Path history =
        file(
            "history.csv",
            "field_name,ticket_id,updated,value\nstatus,77,2024-05-08 09:00:00,hold\nstatus,77,2024-05-08 11:00:00,open\n");

    List<ImportItem> items = HelpdeskMapping.load(file("m.json", mapping)).read(history);

    assertThat(items)
        .extracting(i -> event(i).eventId())
        .containsExactly(
            "zendesk:history:77:status:2024-05-08 09:00:00",
            "zendesk:history:77:status:2024-05-08 11:00:00");
    assertThat(event(items.get(0)).status().wire()).isEqualTo("on_hold");
  }

  @Test
  void aJsonArrayOfTagsBecomesTheTagsNotJunk() throws Exception {
    List<ImportItem> items = read(MAPPING, COMMENTS);

    assertThat(event(items.get(0)).tags()).containsExactly("vip", "late");
    assertThat(event(items.get(1)).tags()).isEmpty();
  }

  @Test
  void aJsonArrayReadWithSplitIsRejectedWithTheFix() throws Exception {
    List<ImportItem> items =
        read(MAPPING.replace("\"list\": \"json\"", "\"split\": \",\""), COMMENTS);

    assertThat(((ImportItem.Rejected) items.get(0)).reason())
        .isEqualTo(
            "column tags=\"[\"vip\",\"late\"]\" holds a JSON array; map it with \"list\": \"json\" instead of \"split\"");
  }

  @Test
  void valueMapsIgnoreCaseAndFallBackToTheirDefault() throws Exception {
    List<ImportItem> items = read(MAPPING, COMMENTS);

    // "End-User" matched "end-user"; "AGENT" is not in the type map: the default
    assertThat(event(items.get(0)).type()).isEqualTo(EventType.CUSTOMER_MESSAGE);
    assertThat(event(items.get(1)).type()).isEqualTo(EventType.AGENT_REPLY);
  }

  @Test
  void aSkipRuleLeavesTheRowOutWithItsReasonApartFromTheRejects() throws Exception {
    List<ImportItem> items = read(MAPPING, COMMENTS);

    assertThat(items.get(2)).isInstanceOf(ImportItem.Skipped.class);
    assertThat(((ImportItem.Skipped) items.get(2)).reason())
        .isEqualTo("private notes are not imported (public=\"FALSE\")");
    assertThat(items).noneMatch(ImportItem.Rejected.class::isInstance);
  }

  @Test
  void aDryRunShowsWhatEachColumnBecameForTheFirstRows() throws Exception {
    file("users.csv", USERS);
    HelpdeskMapping mapping = HelpdeskMapping.load(file("mapping.json", MAPPING));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    boolean allGood =
        mapping.dryRun(
            file("comments.csv", COMMENTS), 2, new PrintStream(out, true, StandardCharsets.UTF_8));

    String shown = out.toString(StandardCharsets.UTF_8);
    assertThat(allGood).isTrue();
    assertThat(shown)
        .contains("comments.csv (first 2 rows, nothing sent)")
        .contains("comments.csv line 2 → customer_message event zendesk:comment:c1")
        .contains(
            "author_role  ← users[user_id=\"u1\"].role=\"End-User\" mapped to \"customer\" → \"customer\"")
        .contains(
            "agent_id     ← assignee_id=\"\" empty, then submitter_id=\"s9\" (first non-empty)")
        .doesNotContain("line 4");
  }

  @Test
  void aMappingErrorNamesTheFileTheColumnAndTheFix() throws Exception {
    file("users.csv", USERS);
    HelpdeskMapping mapping =
        HelpdeskMapping.load(
            file("mapping.json", MAPPING.replace("\"body\": \"body\"", "\"body\": \"bdy\"")));

    assertThatThrownBy(() -> mapping.read(file("comments.csv", COMMENTS)))
        .hasMessageContaining("comments.csv line 1: the mapping reads body from column 'bdy'")
        .hasMessageContaining("fix: write 'body' in mapping.json");
    assertThatThrownBy(
            () ->
                HelpdeskMapping.load(file("bad.json", MAPPING.replace("\"prefix\"", "\"prefx\""))))
        .hasMessageContaining("bad.json: fields.event_id.prefx is not a mapping key; use one of");
    assertThatThrownBy(
            () ->
                HelpdeskMapping.load(
                    file(
                        "bad2.json",
                        MAPPING.replaceFirst("\"lookup\": \"users\"", "\"lookup\": \"people\""))))
        .hasMessageContaining("reads lookup 'people', which \"lookups\" does not declare");
  }

  @Test
  void severalFilesInOneRunEachReadWithItsOwnEntry() throws Exception {
    String mapping =
        """
        {"files": [
          {"match": "comments*.csv", "fields": {"event_id": "id", "ticket_id": "ticket_id",
             "occurred_at": {"column": "created", "pattern": "yyyy-MM-dd HH:mm:ss"},
             "type": {"value": "customer_message"}, "author_role": {"value": "customer"}, "channel": {"value": "email"}}},
          {"match": "history*.csv", "fields": {"event_id": {"template": "h:{ticket_id}:{updated}"}, "ticket_id": "ticket_id",
             "occurred_at": {"column": "updated", "pattern": "yyyy-MM-dd HH:mm:ss"},
             "type": {"value": "status_changed"}, "status": "value", "author_role": {"value": "system"}, "channel": {"value": "email"}}}]}
        """;
    HelpdeskMapping loaded = HelpdeskMapping.load(file("m.json", mapping));

    List<ImportItem> comments = loaded.read(file("comments-1.csv", COMMENTS));
    List<ImportItem> history =
        loaded.read(
            file("history-1.csv", "ticket_id,updated,value\n77,2024-05-08 12:00:00,solved\n"));

    assertThat(comments).hasSize(3).allMatch(ImportItem.Event.class::isInstance);
    assertThat(event(history.get(0)).type()).isEqualTo(EventType.STATUS_CHANGED);
    assertThat(loaded.maps(dir.resolve("users.csv"))).isFalse();
  }

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }
}
