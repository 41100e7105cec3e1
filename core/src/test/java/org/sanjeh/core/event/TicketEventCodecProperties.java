package org.sanjeh.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Malformed input of every kind: each reject explained, each valid neighbour kept. */
class TicketEventCodecProperties {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final TicketEventCodec codec = new TicketEventCodec();

  @Property(tries = 1000)
  void arbitraryBytesNeverThrowAndEveryRejectNamesAFieldAndAReason(@ForAll byte[] bytes) {
    DecodeResult result = codec.decode(bytes);

    if (!result.isValid()) {
      assertThat(result.errors())
          .isNotEmpty()
          .allSatisfy(
              error -> {
                assertThat(error.field()).isNotBlank();
                assertThat(error.reason()).isNotBlank();
              });
    }
  }

  @Property(tries = 500)
  void validEventsRoundTripThroughJson(@ForAll("events") TicketEvent event) {
    assertThat(codec.decode(codec.encodeBytes(event)).event()).isEqualTo(event);
  }

  @Property(tries = 500)
  void breakingOneFieldRejectsTheEventNamingThatField(
      @ForAll("events") TicketEvent event, @ForAll("breakages") Breakage breakage)
      throws Exception {
    ObjectNode json = (ObjectNode) JSON.readTree(codec.encodeBytes(event));
    breakage.apply(json);

    DecodeResult result = codec.decode(json.toString());

    assertThat(result.isValid()).as("%s on %s", breakage, json).isFalse();
    assertThat(result.errors()).extracting(FieldError::field).contains(breakage.field());
  }

  @Property(tries = 300)
  void aBatchKeepsEveryValidLineWhateverItsNeighbours(
      @ForAll("eventLists") List<TicketEvent> events, @ForAll("garbage") List<byte[]> garbage) {
    ByteArrayOutputStream batch = new ByteArrayOutputStream();
    List<Boolean> expectedValid = new ArrayList<>();
    int g = 0;
    for (TicketEvent event : events) {
      batch.writeBytes(codec.encodeBytes(event));
      batch.write('\n');
      expectedValid.add(true);
      if (g < garbage.size()) {
        batch.writeBytes(garbage.get(g++));
        batch.write('\n');
        expectedValid.add(false);
      }
    }

    List<DecodedLine> lines = codec.decodeLines(batch.toByteArray());

    assertThat(lines)
        .extracting(line -> line.result().isValid())
        .containsExactlyElementsOf(expectedValid);
    assertThat(
            lines.stream().filter(l -> l.result().isValid()).map(l -> l.result().event()).toList())
        .containsExactlyElementsOf(events);
  }

  @Provide
  Arbitrary<TicketEvent> events() {
    Arbitrary<String> ids =
        Arbitraries.strings().alpha().numeric().withChars("-_:").ofMinLength(1).ofMaxLength(40);
    Arbitrary<String> text =
        Arbitraries.strings()
            .withChars("سلام hello\"\\\n\t😀🙏🏽۰۱۲")
            .ofMaxLength(200)
            .injectNull(0.3);
    Arbitrary<Instant> times =
        Arbitraries.longs().between(0, 4_000_000_000_000L).map(Instant::ofEpochMilli);
    Arbitrary<EventType> types =
        Arbitraries.of(
            EventType.INTERNAL_NOTE,
            EventType.ASSIGNED,
            EventType.RESOLVED,
            EventType.TICKET_CREATED);
    return Combinators.combine(
            ids,
            ids,
            times,
            types,
            Arbitraries.of(Channel.values()),
            Arbitraries.of(AuthorRole.values()),
            text,
            text)
        .as(
            (id, ticket, at, type, channel, role, subject, body) ->
                TicketEvent.builder()
                    .eventId(id)
                    .ticketId(ticket)
                    .occurredAt(at)
                    .type(type)
                    .channel(channel)
                    .authorRole(role)
                    .subject(subject)
                    .body(body)
                    .tags(body == null ? List.of() : List.of("t1", "تگ"))
                    .build());
  }

  @Provide
  Arbitrary<List<TicketEvent>> eventLists() {
    return events().list().ofMaxSize(10);
  }

  /** Lines that are never a valid event: broken JSON, arrays, invalid UTF-8, empty objects. */
  @Provide
  Arbitrary<List<byte[]>> garbage() {
    return Arbitraries.of(
            "{\"event_id\":", "[1,2,3]", "42", "{}", "{\"event_id\":\"x\"}", "null", "\"text\"")
        .map(s -> s.getBytes(StandardCharsets.UTF_8))
        .injectDuplicates(0.2)
        .list()
        .ofMaxSize(5)
        .map(
            list -> {
              List<byte[]> withBinary = new ArrayList<>(list);
              withBinary.add(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
              return withBinary;
            });
  }

  /** One field set to something the contract refuses. */
  record Breakage(String field, Object value) {
    void apply(ObjectNode json) {
      json.set(field, JSON.valueToTree(value));
    }
  }

  @Provide
  Arbitrary<Breakage> breakages() {
    return Arbitraries.of(
        new Breakage("event_id", ""),
        new Breakage("event_id", List.of(1)),
        new Breakage("ticket_id", "x".repeat(129)),
        new Breakage("occurred_at", "yesterday"),
        new Breakage("occurred_at", 1715146500),
        new Breakage("occurred_at", "2024-05-08T09:15:00"),
        new Breakage("type", "exploded"),
        new Breakage("type", 3),
        new Breakage("channel", "carrier-pigeon"),
        new Breakage("author_role", "robot"),
        new Breakage("priority", "whenever"),
        new Breakage("status", "lost"),
        new Breakage("language", "not a language"),
        new Breakage("subject", "s".repeat(1001)),
        new Breakage("body", "ب".repeat(40_000)),
        new Breakage("tags", "not-a-list"),
        new Breakage("customer_tier", true));
  }
}
