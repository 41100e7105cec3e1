package org.sanjeh.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Reading the fields token by token decides exactly as reading Jackson's whole tree (with strict
 * duplicate detection) did: the same event, or the same errors, or a syntax error for both.
 */
class TopLevelFieldsProperties {

  private static final ObjectMapper TREE =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final TicketEventCodec CODEC = new TicketEventCodec();

  @Property(tries = 2000)
  void decidesAsTheTreeDid(@ForAll("texts") String text) {
    DecodeResult streamed = CODEC.decode(text);
    JsonNode root;
    try {
      root = TREE.readTree(text);
    } catch (JsonProcessingException e) {
      assertThat(streamed.isValid()).as(text).isFalse();
      assertThat(streamed.describeErrors()).as(text).contains("malformed JSON");
      return;
    }
    if (root == null || !root.isObject()) {
      assertThat(streamed.describeErrors()).as(text).contains("expected one JSON object per event");
      return;
    }
    DecodeResult fromTree =
        new EventReader(TopLevelFields.of((ObjectNode) root), CodecLimits.DEFAULTS).read();
    assertThat(streamed).as(text).isEqualTo(fromTree);
  }

  /** Encoded events, then changed: a field's value replaced, fields added, repeated or cut off. */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> encoded =
        Combinators.combine(
                Arbitraries.of("t-1", "T-2", "x"),
                Arbitraries.of(EventType.values()),
                Arbitraries.of(AuthorRole.values()),
                Arbitraries.of(Channel.values()))
            .as(
                (ticket, type, role, channel) ->
                    CODEC.encode(
                        TicketEvent.builder()
                            .eventId("e-" + ticket)
                            .ticketId(ticket)
                            .occurredAt(Instant.parse("2026-01-05T10:00:00Z"))
                            .type(type)
                            .authorRole(role)
                            .channel(channel)
                            .status(TicketStatus.OPEN)
                            .mergedInto("t-9")
                            .body("سلام")
                            .tags(java.util.List.of("a"))
                            .build()));
    Arbitrary<String> field =
        Arbitraries.of("event_id", "ticket_id", "occurred_at", "type", "tags", "body", "x_extra");
    Arbitrary<String> value =
        Arbitraries.of(
            "\"v\"",
            "12",
            "-3.5e2",
            "true",
            "null",
            "[]",
            "[\"a\",1]",
            "{\"k\":1}",
            "{\"k\":1,\"k\":2}",
            "\"\"",
            "\"2026-01-05T10:00:00+03:30\"",
            "99999999999999999999");
    return Arbitraries.oneOf(
        encoded,
        Combinators.combine(encoded, field, value)
            .as((json, f, v) -> json.replaceFirst("\\{", "{\"" + f + "\":" + v + ",")),
        Combinators.combine(encoded, field, value)
            .as((json, f, v) -> json.substring(0, json.length() - 1) + ",\"" + f + "\":" + v + "}"),
        Combinators.combine(encoded, Arbitraries.integers().between(0, 200))
            .as((json, cut) -> json.substring(0, Math.min(cut, json.length()))),
        encoded.map(json -> "[" + json + "]"),
        Arbitraries.of("", " ", "42", "\"text\"", "null", "{}", "{} {", "{\"a\":}"));
  }
}
