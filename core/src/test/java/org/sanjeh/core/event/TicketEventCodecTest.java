package org.sanjeh.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketEventCodecTest {

  private final TicketEventCodec codec = new TicketEventCodec();

  static TicketEvent persianReply() {
    return TicketEvent.builder()
        .eventId("evt-1")
        .ticketId("T-100")
        .occurredAt(Instant.parse("2024-03-20T08:15:30.123Z"))
        .type(EventType.AGENT_REPLY)
        .channel(Channel.TELEGRAM)
        .authorRole(AuthorRole.AGENT)
        .authorId("agent-7")
        .customerId("cust-42")
        .agentId("agent-7")
        .team("پشتیبانی")
        .priority(Priority.HIGH)
        .status(TicketStatus.PENDING)
        .customerTier("gold")
        .language("fa")
        .subject("سفارش ۱۲۳")
        .body("سلام، سفارش شما ارسال شد 🚚\nبا تشکر")
        .tags(List.of("shipping", "نوروز"))
        .sourceSystem("telegram-bot")
        .sourceRef("update:991")
        .build();
  }

  @Test
  void roundTripsEveryFieldIncludingPersianTextAndEmoji() {
    TicketEvent event = persianReply();

    DecodeResult decoded = codec.decode(codec.encodeBytes(event));

    assertThat(decoded.errors()).isEmpty();
    assertThat(decoded.event()).isEqualTo(event);
  }

  @Test
  void writesSnakeCaseFieldsAndUtcMilliseconds() {
    String json = codec.encode(persianReply());

    assertThat(json)
        .startsWith("{\"event_id\":\"evt-1\",\"ticket_id\":\"T-100\"")
        .contains("\"occurred_at\":\"2024-03-20T08:15:30.123Z\"")
        .contains("\"author_role\":\"agent\"")
        .doesNotContain("merged_into");
  }

  @Test
  void acceptsUnknownExtraFields() {
    DecodeResult result =
        codec.decode(minimal().replace("}", ",\"x_custom\":{\"nested\":[1,2]},\"future\":true}"));

    assertThat(result.isValid()).isTrue();
  }

  @Test
  void acceptsOffsetsAndNormalisesToUtc() {
    DecodeResult result =
        codec.decode(minimal().replace("2024-01-17T12:00:00Z", "2024-01-17T15:30:00+03:30"));

    assertThat(result.event().occurredAt()).isEqualTo(Instant.parse("2024-01-17T12:00:00Z"));
  }

  @Test
  void acceptsIntegerIdsFromHelpDesksThatNumberTickets() {
    DecodeResult result = codec.decode(minimal().replace("\"T-1\"", "4711"));

    assertThat(result.event().ticketId()).isEqualTo("4711");
  }

  @Test
  void rejectsUnknownEnumNamingFieldValueAndAllowedValues() {
    DecodeResult result = codec.decode(minimal().replace("\"email\"", "\"pigeon\""));

    assertThat(result.isValid()).isFalse();
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.field()).isEqualTo("channel");
              assertThat(error.value()).isEqualTo("pigeon");
              assertThat(error.reason()).contains("unknown value").contains("whatsapp");
            });
  }

  @Test
  void rejectsMissingIdsAndReportsEveryErrorAtOnce() {
    DecodeResult result =
        codec.decode(
            "{\"occurred_at\":\"2024-01-17T12:00:00Z\",\"type\":\"customer_message\","
                + "\"channel\":\"email\",\"author_role\":\"customer\"}");

    assertThat(result.errors())
        .extracting(FieldError::field)
        .containsExactly("event_id", "ticket_id");
    assertThat(result.describeErrors()).contains("event_id: required field is missing");
  }

  @Test
  void rejectsTimestampThatIsNotIso8601() {
    DecodeResult result =
        codec.decode(minimal().replace("2024-01-17T12:00:00Z", "17/01/2024 12:00"));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.field()).isEqualTo("occurred_at");
              assertThat(error.value()).isEqualTo("17/01/2024 12:00");
              assertThat(error.reason()).contains("ISO-8601");
            });
  }

  @Test
  void rejectsLocalTimestampWithoutOffset() {
    DecodeResult result =
        codec.decode(minimal().replace("2024-01-17T12:00:00Z", "2024-01-17T12:00:00"));

    assertThat(result.errors()).extracting(FieldError::field).containsExactly("occurred_at");
  }

  @Test
  void rejectsEpochNumbersAsTimestamps() {
    DecodeResult result =
        codec.decode(minimal().replace("\"2024-01-17T12:00:00Z\"", "1705492800000"));

    assertThat(result.errors().get(0).reason()).contains("got number");
  }

  @Test
  void rejectsBodyOverTheLimitCountingUtf8Bytes() {
    TicketEventCodec small = new TicketEventCodec(CodecLimits.DEFAULTS.withMaxBodyBytes(10));
    String fiveHundredBytes = "سلام".repeat(1) + "x".repeat(2); // 8 + 2 = 10 bytes: fits
    String elevenBytes = fiveHundredBytes + "y";

    assertThat(small.decode(withBody(fiveHundredBytes)).isValid()).isTrue();
    DecodeResult tooBig = small.decode(withBody(elevenBytes));
    assertThat(tooBig.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.field()).isEqualTo("body");
              assertThat(error.reason()).contains("11 bytes").contains("limit of 10");
            });
  }

  @Test
  void rejectsInvalidUtf8WithTheByteOffset() {
    byte[] good = minimal().getBytes(StandardCharsets.UTF_8);
    byte[] bad = good.clone();
    int offset = minimal().indexOf("T-1") + 1;
    bad[offset] = (byte) 0xC3; // starts a two-byte sequence that the next byte does not continue

    DecodeResult result = codec.decode(bad);

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.field()).isEqualTo("$");
              assertThat(error.reason()).contains("invalid UTF-8 at byte offset " + offset);
            });
  }

  @Test
  void rejectsMalformedJsonWithLineAndColumn() {
    DecodeResult result = codec.decode("{\"event_id\": \"a\",\n \"ticket_id\": }");

    assertThat(result.describeErrors()).contains("malformed JSON at line 2, column");
  }

  @Test
  void rejectsDuplicateFields() {
    DecodeResult result = codec.decode(minimal().replace("}", ",\"event_id\":\"other\"}"));

    assertThat(result.describeErrors()).contains("Duplicate field 'event_id'");
  }

  @Test
  void rejectsArraysAndScalarsAtTopLevel() {
    assertThat(codec.decode("[1,2]").describeErrors()).contains("expected one JSON object");
    assertThat(codec.decode("").describeErrors()).contains("expected one JSON object");
  }

  @Test
  void statusChangeMustSayTheNewStatus() {
    DecodeResult result = codec.decode(minimal().replace("customer_message", "status_changed"));

    assertThat(result.errors()).extracting(FieldError::field).containsExactly("status");
  }

  @Test
  void customerMessagesMustComeFromTheCustomer() {
    DecodeResult result = codec.decode(minimal().replace("\"customer\"", "\"agent\""));

    assertThat(result.errors())
        .singleElement()
        .satisfies(error -> assertThat(error.field()).isEqualTo("author_role"));
  }

  @Test
  void rejectsWrongTypesInTags() {
    DecodeResult result = codec.decode(minimal().replace("}", ",\"tags\":[\"ok\",3]}"));

    assertThat(result.errors()).extracting(FieldError::field).containsExactly("tags[1]");
  }

  @Test
  void decodesEachNdjsonLineOnItsOwnKeepingGoodNeighbours() {
    String batch =
        minimal()
            + "\n{not json}\r\n\n"
            + minimal().replace("evt-1", "evt-2")
            + "\n"
            + minimal().replace("\"email\"", "\"fax\"")
            + "\n";

    List<DecodedLine> lines = codec.decodeLines(batch.getBytes(StandardCharsets.UTF_8));

    assertThat(lines).extracting(DecodedLine::line).containsExactly(1, 2, 4, 5);
    assertThat(lines)
        .extracting(line -> line.result().isValid())
        .containsExactly(true, false, true, false);
    assertThat(new String(lines.get(1).raw(), StandardCharsets.UTF_8)).isEqualTo("{not json}");
  }

  @Test
  void orThrowListsEveryError() {
    assertThatThrownBy(() -> codec.decode("{}").orThrow())
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("event_id")
        .hasMessageContaining("author_role");
  }

  @Test
  void acceptsTwitterAsAnAliasForX() {
    assertThat(codec.decode(minimal().replace("\"email\"", "\"twitter\"")).event().channel())
        .isEqualTo(Channel.X);
  }

  private static String minimal() {
    return "{\"event_id\":\"evt-1\",\"ticket_id\":\"T-1\",\"occurred_at\":\"2024-01-17T12:00:00Z\","
        + "\"type\":\"customer_message\",\"channel\":\"email\",\"author_role\":\"customer\"}";
  }

  private static String withBody(String body) {
    return minimal().replace("}", ",\"body\":\"" + body + "\"}");
  }
}
