package org.sanjeh.ingestion.adapter;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sanjeh.core.calendar.Digits;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.ingestion.conversation.Conversations;
import org.sanjeh.ingestion.conversation.InboundMessage;
import org.sanjeh.ingestion.identity.Identity;

/**
 * Phone call logs and chat transcripts as CSV with this header (any column order):
 *
 * <pre>call_id,start,end,direction,customer_number,agent,outcome,wait_seconds</pre>
 *
 * and an optional {@code channel} column ({@code phone}, the default, or {@code chat}, {@code
 * whatsapp}, … for chat transcripts summarised the same way). {@code start}/{@code end} are
 * ISO-8601 with offset; {@code direction} is {@code inbound} or {@code outbound}; {@code outcome}
 * is {@code answered}, {@code resolved}, {@code missed} or {@code abandoned}. An inbound call is a
 * customer contact at {@code start}; if answered, the agent's reply is at {@code start +
 * wait_seconds}; {@code resolved} also resolves the ticket at {@code end}. An outbound call is the
 * agent reaching out at {@code start}. A bad row is rejected naming its line, column and value; the
 * other rows go through.
 */
public final class CallLogAdapter {

  static final List<String> COLUMNS =
      List.of(
          "call_id",
          "start",
          "end",
          "direction",
          "customer_number",
          "agent",
          "outcome",
          "wait_seconds");
  private static final Set<String> ANSWERED = Set.of("answered", "resolved");
  private static final Set<String> OUTCOMES = Set.of("answered", "resolved", "missed", "abandoned");

  private CallLogAdapter() {}

  public static List<ImportItem> read(
      Reader csv, String file, Conversations conversations, String defaultRegion)
      throws IOException {
    CsvReader reader = new CsvReader(csv);
    CsvReader.Record header = reader.next();
    if (header == null) {
      throw new IOException(file + " is empty: expected the header " + String.join(",", COLUMNS));
    }
    List<String> names =
        header.fields().stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
    if (!names.containsAll(COLUMNS)) {
      List<String> missing = COLUMNS.stream().filter(c -> !names.contains(c)).toList();
      throw new IOException(
          file
              + " line 1: the header lacks "
              + missing
              + "; expected "
              + String.join(",", COLUMNS));
    }
    List<ImportItem> items = new ArrayList<>();
    for (CsvReader.Record record = reader.next(); record != null; record = reader.next()) {
      if (record.fields().size() == 1 && record.fields().get(0).isBlank()) {
        continue;
      }
      try {
        items.addAll(
            row(
                new Row(names, record.fields().toArray(String[]::new), record.line()),
                conversations,
                defaultRegion));
      } catch (IllegalArgumentException e) {
        byte[] raw = String.join(",", record.fields()).getBytes(StandardCharsets.UTF_8);
        items.add(
            new ImportItem.Rejected(
                file + " line " + record.line(), record.line(), raw, e.getMessage()));
      }
    }
    return items;
  }

  private static List<ImportItem> row(Row row, Conversations conversations, String region) {
    String callId = row.text("call_id");
    Instant start = row.instant("start");
    Instant end = row.instant("end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("column end=\"" + row.text("end") + "\" is before start");
    }
    String direction = row.oneOf("direction", Set.of("inbound", "outbound"));
    String outcome = row.oneOf("outcome", OUTCOMES);
    long wait = row.seconds("wait_seconds");
    Identity phone;
    try {
      phone = Identity.phone(row.text("customer_number"), region);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("column customer_number: " + e.getMessage(), e);
    }
    String agent = row.text("agent").isEmpty() ? null : "agent:" + row.text("agent");
    Channel channel = row.channel();
    boolean inbound = direction.equals("inbound");
    InboundMessage call =
        new InboundMessage(
            callId,
            channel,
            start,
            inbound,
            List.of(phone),
            inbound ? null : agent,
            List.of(),
            null,
            "[" + direction + " call, " + outcome + "]",
            null,
            null,
            "calls");
    TicketEvent contact = conversations.toEvent(call);
    List<ImportItem> items = new ArrayList<>(List.of(new ImportItem.Event(contact)));
    if (inbound && ANSWERED.contains(outcome)) {
      items.add(
          new ImportItem.Event(
              conversations.followUp(
                  contact,
                  "answered",
                  EventType.AGENT_REPLY,
                  start.plus(Duration.ofSeconds(wait)),
                  agent)));
    }
    if (outcome.equals("resolved")) {
      items.add(
          new ImportItem.Event(
              conversations.followUp(contact, "resolved", EventType.RESOLVED, end, agent)));
    }
    return items;
  }

  /** One CSV row with errors that name the column and value. */
  private record Row(List<String> names, String[] values, int line) {

    String text(String column) {
      int index = names.indexOf(column);
      return index >= 0 && index < values.length ? Digits.toAscii(values[index].strip()) : "";
    }

    Instant instant(String column) {
      try {
        return OffsetDateTime.parse(text(column)).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "column "
                + column
                + "=\""
                + text(column)
                + "\" is not an ISO-8601 time with offset, e.g. 2024-05-08T09:15:00+03:30",
            e);
      }
    }

    String oneOf(String column, Set<String> allowed) {
      String value = text(column).toLowerCase(Locale.ROOT);
      if (!allowed.contains(value)) {
        throw new IllegalArgumentException(
            "column " + column + "=\"" + text(column) + "\" must be one of " + allowed);
      }
      return value;
    }

    Channel channel() {
      String text = text("channel");
      if (text.isEmpty()) {
        return Channel.PHONE;
      }
      return org.sanjeh.core.event.WireValue.parse(Channel.class, text)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "column channel=\""
                          + text
                          + "\" must be one of "
                          + org.sanjeh.core.event.WireValue.allowed(Channel.class)));
    }

    long seconds(String column) {
      try {
        long seconds = text(column).isEmpty() ? 0 : Long.parseLong(text(column));
        if (seconds < 0) {
          throw new NumberFormatException();
        }
        return seconds;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "column "
                + column
                + "=\""
                + text(column)
                + "\" must be a whole number of seconds, 0 or more",
            e);
      }
    }
  }
}
