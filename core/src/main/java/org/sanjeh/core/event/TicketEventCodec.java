package org.sanjeh.core.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and writes the JSON form of {@link TicketEvent} (see {@code docs/event-contract.md}).
 *
 * <p>Decoding never throws for bad input: it returns every problem it found, each naming the field,
 * the value and the reason, so a caller can dead-letter the payload with an explanation and carry
 * on with the next one. Unknown extra fields are ignored so producers can add fields before
 * consumers know them. Thread-safe.
 */
public final class TicketEventCodec {

  /**
   * A duplicate field is an error: {@link TopLevelFields} checks the top level, the mapper below.
   */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

  private final CodecLimits limits;

  public TicketEventCodec() {
    this(CodecLimits.DEFAULTS);
  }

  public TicketEventCodec(CodecLimits limits) {
    this.limits = limits;
  }

  public CodecLimits limits() {
    return limits;
  }

  /** Decodes one JSON object given as UTF-8 bytes; invalid UTF-8 is an error, not replaced. */
  public DecodeResult decode(byte[] utf8) {
    return decode(utf8, 0, utf8.length);
  }

  private DecodeResult decode(byte[] bytes, int from, int to) {
    int invalid = Utf8.firstInvalid(bytes, from, to);
    if (invalid >= 0) {
      return DecodeResult.rejected(
          List.of(
              FieldError.whole(
                  "invalid UTF-8 at byte offset "
                      + (invalid - from)
                      + " (bytes "
                      + hex(bytes, invalid, Math.min(4, to - invalid))
                      + "); send the payload encoded as UTF-8")));
    }
    try (JsonParser parser = JSON.createParser(bytes, from, to - from)) {
      return read(parser);
    } catch (IOException e) {
      return DecodeResult.rejected(List.of(FieldError.whole(describeSyntaxError(e))));
    }
  }

  /** Decodes one JSON object. */
  public DecodeResult decode(String json) {
    try (JsonParser parser = JSON.createParser(json)) {
      return read(parser);
    } catch (IOException e) {
      return DecodeResult.rejected(List.of(FieldError.whole(describeSyntaxError(e))));
    }
  }

  private DecodeResult read(JsonParser parser) throws IOException {
    TopLevelFields fields;
    try {
      fields = TopLevelFields.read(parser, JSON);
    } catch (TopLevelFields.NotAnObject e) {
      return DecodeResult.rejected(
          List.of(
              FieldError.whole(
                  "expected one JSON object per event, got " + e.got.name().toLowerCase())));
    }
    return new EventReader(fields, limits).read();
  }

  /**
   * Decodes a newline-delimited batch. Every non-blank line gets its own result, so one bad line
   * never hides its good neighbours.
   */
  public List<DecodedLine> decodeLines(byte[] ndjson) {
    List<DecodedLine> lines = new ArrayList<>();
    int lineNumber = 0;
    int start = 0;
    for (int i = 0; i <= ndjson.length; i++) {
      if (i == ndjson.length || ndjson[i] == '\n') {
        lineNumber++;
        int end = i > start && ndjson[i - 1] == '\r' ? i - 1 : i;
        if (!isBlank(ndjson, start, end)) {
          lines.add(
              new DecodedLine(
                  lineNumber, Arrays.copyOfRange(ndjson, start, end), decode(ndjson, start, end)));
        }
        start = i + 1;
      }
    }
    return lines;
  }

  /** The event's JSON form: snake_case fields, absent values omitted, timestamps in UTC. */
  public String encode(TicketEvent event) {
    return new String(encodeBytes(event), StandardCharsets.UTF_8);
  }

  public byte[] encodeBytes(TicketEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField(Fields.EVENT_ID, event.eventId());
      json.writeStringField(Fields.TICKET_ID, event.ticketId());
      json.writeStringField(Fields.OCCURRED_AT, wireTime(event.occurredAt()));
      json.writeStringField(Fields.TYPE, event.type().wire());
      json.writeStringField(Fields.CHANNEL, event.channel().wire());
      json.writeStringField(Fields.AUTHOR_ROLE, event.authorRole().wire());
      writeIfPresent(json, Fields.AUTHOR_ID, event.authorId());
      writeIfPresent(json, Fields.CUSTOMER_ID, event.customerId());
      writeIfPresent(json, Fields.AGENT_ID, event.agentId());
      writeIfPresent(json, Fields.TEAM, event.team());
      writeIfPresent(json, Fields.PRIORITY, event.priority());
      writeIfPresent(json, Fields.STATUS, event.status());
      writeIfPresent(json, Fields.CUSTOMER_TIER, event.customerTier());
      writeIfPresent(json, Fields.LANGUAGE, event.language());
      writeIfPresent(json, Fields.SUBJECT, event.subject());
      writeIfPresent(json, Fields.BODY, event.body());
      if (!event.tags().isEmpty()) {
        json.writeArrayFieldStart(Fields.TAGS);
        for (String tag : event.tags()) {
          json.writeString(tag);
        }
        json.writeEndArray();
      }
      writeIfPresent(json, Fields.SOURCE_SYSTEM, event.sourceSystem());
      writeIfPresent(json, Fields.SOURCE_REF, event.sourceRef());
      writeIfPresent(json, Fields.MERGED_INTO, event.mergedInto());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /**
   * An instant as the contract writes it, the same text as {@link Instant#toString}: {@code
   * 2024-01-17T12:00:00.250Z}. Faster than the JDK's formatter, for code that writes millions.
   */
  public static String wireTime(Instant at) {
    return IsoTimestamps.format(at);
  }

  private static void writeIfPresent(JsonGenerator json, String field, String value)
      throws IOException {
    if (value != null) {
      json.writeStringField(field, value);
    }
  }

  private static void writeIfPresent(JsonGenerator json, String field, WireValue value)
      throws IOException {
    if (value != null) {
      json.writeStringField(field, value.wire());
    }
  }

  private static String describeSyntaxError(IOException error) {
    if (!(error instanceof JsonProcessingException e)) {
      return "malformed JSON: " + error.getMessage();
    }
    String message = e.getOriginalMessage();
    int cut = message.indexOf('\n');
    if (cut > 0) {
      message = message.substring(0, cut);
    }
    if (e.getLocation() == null) {
      return "malformed JSON: " + message;
    }
    return "malformed JSON at line %d, column %d: %s"
        .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr(), message);
  }

  private static String hex(byte[] bytes, int from, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < Math.min(bytes.length, from + Math.max(length, 1)); i++) {
      out.append(out.length() == 0 ? "" : " ").append("%02X".formatted(bytes[i] & 0xFF));
    }
    return out.toString();
  }

  private static boolean isBlank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  static Instant parseInstant(String text) throws DateTimeParseException {
    return IsoTimestamps.parse(text);
  }
}
