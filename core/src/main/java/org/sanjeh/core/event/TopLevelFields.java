package org.sanjeh.core.event;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The top-level fields of one JSON object that the event contract knows, read token by token.
 *
 * <p>Why not {@code ObjectMapper.readTree}: building the whole tree (a node and a map entry per
 * field, duplicate checks at every level) was most of the decoding time in the streaming job's
 * profile. Here string values, nearly all of an event, become nodes directly; other values still go
 * through the mapper, so numbers, arrays and objects are the same nodes as before, and a field
 * given twice is an error at any depth, as with Jackson's strict duplicate detection (the mapper
 * must fail on duplicate tree keys).
 */
final class TopLevelFields {

  private final Map<String, JsonNode> values = new HashMap<>(32);

  private TopLevelFields() {}

  /**
   * Reads the object the parser is at the start of.
   *
   * @throws NotAnObject when the JSON value is not an object (or there is none)
   * @throws IOException for malformed JSON and duplicate fields
   */
  static TopLevelFields read(JsonParser parser, ObjectMapper mapper)
      throws IOException, NotAnObject {
    JsonToken first = parser.nextToken();
    if (first != JsonToken.START_OBJECT) {
      throw new NotAnObject(
          first == null ? JsonNodeType.MISSING : mapper.<JsonNode>readTree(parser).getNodeType());
    }
    TopLevelFields fields = new TopLevelFields();
    Set<String> unknownSeen = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (Fields.ALL.contains(name)) {
        JsonNode node =
            switch (value) {
              case VALUE_STRING -> TextNode.valueOf(parser.getText());
              case VALUE_NULL -> NullNode.getInstance();
              default -> mapper.<JsonNode>readTree(parser);
            };
        if (fields.values.put(name, node) != null) {
          throw duplicate(parser, name);
        }
      } else {
        if (unknownSeen == null) {
          unknownSeen = new HashSet<>();
        }
        if (!unknownSeen.add(name)) {
          throw duplicate(parser, name);
        }
        if (value.isStructStart()) {
          mapper.readTree(parser); // read, not skipped: a duplicate key inside is an error too
        }
      }
    }
    if (parser.currentToken() != JsonToken.END_OBJECT) {
      throw new JsonParseException(
          parser, "Unexpected end-of-input: expected close marker for Object");
    }
    return fields;
  }

  /** The known fields of an object that is already a tree (the reference in tests). */
  static TopLevelFields of(ObjectNode object) {
    TopLevelFields fields = new TopLevelFields();
    object
        .properties()
        .forEach(
            field -> {
              if (Fields.ALL.contains(field.getKey())) {
                fields.values.put(field.getKey(), field.getValue());
              }
            });
    return fields;
  }

  /** The field's value, or null when the object does not have it. */
  JsonNode get(String field) {
    return values.get(field);
  }

  boolean has(String field) {
    return values.containsKey(field);
  }

  private static JsonParseException duplicate(JsonParser parser, String name) {
    return new JsonParseException(parser, "Duplicate field '" + name + "'");
  }

  /** The JSON value was something other than an object. */
  static final class NotAnObject extends Exception {
    final JsonNodeType got;

    NotAnObject(JsonNodeType got) {
      super(null, null, false, false);
      this.got = got;
    }
  }
}
