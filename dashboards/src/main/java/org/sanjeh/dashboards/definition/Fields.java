package org.sanjeh.dashboards.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one mapping of a definition file, so that every complaint names the file and the field's
 * path ({@code charts[2].metrics[0]}) and unknown keys (usually typos) are refused, not ignored.
 */
final class Fields {

  private final String file;
  private final String path;
  private final JsonNode node;

  private Fields(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  static Fields root(String file, JsonNode node, Set<String> allowed) {
    return new Fields(file, "", mapping(file, "", node)).allowOnly(allowed);
  }

  String file() {
    return file;
  }

  DefinitionException error(String key, String problem) {
    return new DefinitionException(file, at(key), problem);
  }

  String string(String key) {
    return optionalString(key).orElseThrow(() -> error(key, "is required"));
  }

  Optional<String> optionalString(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isValueNode()) {
      throw error(key, "must be a text value");
    }
    String text = value.asText().strip();
    if (text.isEmpty()) {
      throw error(key, "must not be empty");
    }
    return Optional.of(text);
  }

  String identifier(String key) {
    String value = string(key);
    checkIdentifier(key, value);
    return value;
  }

  void checkIdentifier(String key, String value) {
    if (!value.matches("[a-z][a-z0-9_]{0,62}")) {
      throw error(key, "'" + value + "' must be lower-case letters, digits and underscores");
    }
  }

  boolean flag(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw error(key, "must be true or false, got '" + value.asText() + "'");
    }
    return value.booleanValue();
  }

  Optional<Integer> optionalInt(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw error(key, "must be a whole number, got '" + value.asText() + "'");
    }
    return Optional.of(value.intValue());
  }

  /** A list of identifiers; absent means empty. */
  List<String> identifiers(String key) {
    List<String> values = new ArrayList<>();
    JsonNode list = node.get(key);
    if (list == null || list.isNull()) {
      return values;
    }
    if (!list.isArray()) {
      throw error(key, "must be a list");
    }
    for (int i = 0; i < list.size(); i++) {
      String item = key + "[" + i + "]";
      if (!list.get(i).isTextual()) {
        throw error(item, "must be a name");
      }
      checkIdentifier(item, list.get(i).asText());
      values.add(list.get(i).asText());
    }
    return values;
  }

  /** A mapping of names to non-empty texts, in file order; absent means empty. */
  Map<String, String> texts(String key) {
    Map<String, String> values = new LinkedHashMap<>();
    JsonNode map = node.get(key);
    if (map == null || map.isNull()) {
      return values;
    }
    Fields fields = new Fields(file, at(key), mapping(file, at(key), map));
    for (Iterator<String> names = map.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      fields.checkIdentifier(name, name);
      values.put(name, fields.string(name));
    }
    return values;
  }

  /** A required, non-empty list of mappings, each read by {@code reader}. */
  <T> List<T> mappings(String key, Set<String> allowed, Function<Fields, T> reader) {
    JsonNode list = node.get(key);
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw error(key, "must be a non-empty list");
    }
    List<T> values = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String item = at(key) + "[" + i + "]";
      values.add(
          reader.apply(
              new Fields(file, item, mapping(file, item, list.get(i))).allowOnly(allowed)));
    }
    return values;
  }

  /** A required list of lists of identifiers (a layout's rows). */
  List<List<String>> rows(String key) {
    JsonNode list = node.get(key);
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw error(key, "must be a non-empty list of rows");
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode row = list.get(i);
      String rowPath = key + "[" + i + "]";
      if (!row.isArray() || row.isEmpty()) {
        throw error(rowPath, "must be a non-empty list of chart ids");
      }
      List<String> ids = new ArrayList<>();
      for (int j = 0; j < row.size(); j++) {
        String cell = rowPath + "[" + j + "]";
        if (!row.get(j).isTextual()) {
          throw error(cell, "must be a chart id");
        }
        checkIdentifier(cell, row.get(j).asText());
        ids.add(row.get(j).asText());
      }
      rows.add(ids);
    }
    return rows;
  }

  private Fields allowOnly(Set<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw error(name, "unknown key (allowed: " + String.join(", ", sorted(allowed)) + ")");
      }
    }
    return this;
  }

  private String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static List<String> sorted(Set<String> names) {
    List<String> list = new ArrayList<>(names);
    list.sort(null);
    return list;
  }

  private static JsonNode mapping(String file, String path, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new DefinitionException(file, path, "must be a mapping of keys to values");
    }
    return node;
  }
}
