package org.sanjeh.core.sla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.sanjeh.core.calendar.BusinessCalendar;
import org.sanjeh.core.calendar.CalendarJson;
import org.sanjeh.core.calendar.IranCalendar;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.Priority;
import org.sanjeh.core.event.TicketStatus;
import org.sanjeh.core.event.WireValue;

/**
 * Reads the SLA policy and business calendar the job applies, from a JSON file:
 *
 * <pre>{@code
 * {"name": "iran-standard",
 *  "calendar": "iran",                       // or {"timezone": …, "hours": …, "holidays": […]}
 *  "business_time": true,
 *  "at_risk_share": 0.75,
 *  "pausing_statuses": ["pending", "on_hold"],
 *  "first_response_starts": "customer_message",  // or "hand_off": from a bot's hand-off
 *  "rules": [
 *    {"priorities": ["urgent"], "first_response_minutes": 15, "resolution_minutes": 240},
 *    {"tiers": ["vip"], "channels": ["chat", "whatsapp"], "first_response_minutes": 30},
 *    {"first_response_minutes": 60, "next_response_minutes": 120, "resolution_minutes": 1440}]}
 * }</pre>
 *
 * Rules are tried in order; a rule without conditions matches every ticket. Every mistake is
 * reported with its path in the file ({@code rules[1].channels[0]}), the value and what is allowed,
 * all at once.
 */
public final class PolicyFile {

  /**
   * The Iran preset: Saturday to Wednesday 08:00–16:00, Thursday 08:00–12:00, official holidays.
   */
  public static final String IRAN_PRESET = "iran";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TOP_LEVEL =
      Set.of(
          "name",
          "calendar",
          "business_time",
          "at_risk_share",
          "pausing_statuses",
          "first_response_starts",
          "rules");
  private static final String AT_CUSTOMER_MESSAGE = "customer_message";
  private static final String AT_HAND_OFF = "hand_off";
  private static final Set<String> RULE_FIELDS =
      Set.of(
          "priorities",
          "tiers",
          "channels",
          "first_response_minutes",
          "next_response_minutes",
          "resolution_minutes");

  /** A policy with its calendar, ready for {@link org.sanjeh.core.sla.SlaClock}. */
  public record Loaded(SlaPolicy policy, BusinessCalendar calendar) {}

  /** Thrown for a file that is not a valid policy; the message lists every problem. */
  public static final class InvalidPolicy extends IllegalArgumentException {
    public InvalidPolicy(String message) {
      super(message);
    }
  }

  private final String origin;
  private final List<String> problems = new ArrayList<>();

  private PolicyFile(String origin) {
    this.origin = origin;
  }

  public static Loaded read(Path file) {
    return parse(readText(file), file.toString());
  }

  /**
   * The file's text once it has been checked to be a valid policy.
   *
   * @throws IllegalArgumentException naming the file when it cannot be read or is not a policy
   */
  public static String readText(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the SLA policy file %s (%s); give an existing JSON file with --policy"
              .formatted(file, e.getClass().getSimpleName()),
          e);
    }
    parse(text, file.toString());
    return text;
  }

  /** The bundled default: the Iran preset with the targets in {@code default-policy.json}. */
  public static String defaultText() {
    try (InputStream in =
        PolicyFile.class.getResourceAsStream("/org/sanjeh/core/sla/default-policy.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param origin named in error messages (the file name)
   * @throws InvalidPolicy listing every problem found
   */
  public static Loaded parse(String text, String origin) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new InvalidPolicy(
          "%s: not valid JSON at line %d, column %d: %s"
              .formatted(
                  origin,
                  at == null ? 0 : at.getLineNr(),
                  at == null ? 0 : at.getColumnNr(),
                  e.getOriginalMessage()));
    }
    return new PolicyFile(origin).load(root);
  }

  private Loaded load(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new InvalidPolicy(origin + ": the policy must be a JSON object");
    }
    unknownFields(root, TOP_LEVEL, "");
    String name = root.path("name").asText("");
    if (name.isBlank()) {
      problems.add("name: missing; give the policy a name (it is written with every SLA row)");
    }
    BusinessCalendar calendar = calendar(root.get("calendar"));
    boolean businessTime = root.path("business_time").asBoolean(true);
    double atRisk = root.path("at_risk_share").asDouble(SlaPolicy.DEFAULT_AT_RISK_SHARE);
    if (!(atRisk > 0 && atRisk <= 1)) {
      problems.add("at_risk_share: %s is not in (0, 1]".formatted(root.get("at_risk_share")));
    }
    Set<TicketStatus> pausing =
        root.has("pausing_statuses")
            ? enums(root.get("pausing_statuses"), TicketStatus.class, "pausing_statuses")
            : SlaPolicy.DEFAULT_PAUSING;
    boolean atHandOff = firstResponseStart(root.get("first_response_starts"));
    List<SlaPolicy.Rule> rules = rules(root.get("rules"));
    if (!problems.isEmpty()) {
      throw new InvalidPolicy(
          "%s is not a valid SLA policy:%n  - %s"
              .formatted(origin, String.join(System.lineSeparator() + "  - ", problems)));
    }
    return new Loaded(
        new SlaPolicy(name, rules, pausing, atRisk, businessTime, atHandOff), calendar);
  }

  /** Whether first response starts at the bot's hand-off to a person. */
  private boolean firstResponseStart(JsonNode node) {
    if (node == null || node.isNull() || node.asText().equals(AT_CUSTOMER_MESSAGE)) {
      return false;
    }
    if (node.isTextual() && node.asText().equals(AT_HAND_OFF)) {
      return true;
    }
    problems.add(
        "first_response_starts: %s is neither \"%s\" (the default) nor \"%s\""
            .formatted(node, AT_CUSTOMER_MESSAGE, AT_HAND_OFF));
    return false;
  }

  private BusinessCalendar calendar(JsonNode node) {
    if (node == null || (node.isTextual() && node.asText().equals(IRAN_PRESET))) {
      return IranCalendar.standard();
    }
    if (!node.isObject()) {
      problems.add(
          "calendar: %s is neither \"%s\" nor a calendar object".formatted(node, IRAN_PRESET));
      return null;
    }
    try {
      return CalendarJson.read(node);
    } catch (RuntimeException e) {
      problems.add("calendar: " + e.getMessage());
      return null;
    }
  }

  private List<SlaPolicy.Rule> rules(JsonNode node) {
    List<SlaPolicy.Rule> rules = new ArrayList<>();
    if (node == null || !node.isArray() || node.isEmpty()) {
      problems.add("rules: missing or empty; at least one rule is needed");
      return rules;
    }
    for (int i = 0; i < node.size(); i++) {
      String path = "rules[" + i + "]";
      JsonNode rule = node.get(i);
      if (!rule.isObject()) {
        problems.add(path + ": " + rule + " is not an object");
        continue;
      }
      unknownFields(rule, RULE_FIELDS, path + ".");
      Set<Priority> priorities =
          enums(rule.get("priorities"), Priority.class, path + ".priorities");
      Set<Channel> channels = enums(rule.get("channels"), Channel.class, path + ".channels");
      Set<String> tiers = strings(rule.get("tiers"), path + ".tiers");
      Duration first = minutes(rule, "first_response_minutes", path);
      Duration next = minutes(rule, "next_response_minutes", path);
      Duration resolution = minutes(rule, "resolution_minutes", path);
      if (first == null && next == null && resolution == null) {
        problems.add(path + ": sets no target; give at least one of *_minutes");
      }
      rules.add(
          new SlaPolicy.Rule(priorities, tiers, channels, new SlaTargets(first, next, resolution)));
    }
    return rules;
  }

  private Duration minutes(JsonNode rule, String field, String path) {
    JsonNode value = rule.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() <= 0) {
      problems.add(
          "%s.%s: %s is not a positive whole number of minutes".formatted(path, field, value));
      return null;
    }
    return Duration.ofMinutes(value.asLong());
  }

  private <E extends Enum<E> & WireValue> Set<E> enums(JsonNode node, Class<E> type, String path) {
    Set<E> values = EnumSet.noneOf(type);
    List<String> texts = texts(node, path);
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      var parsed = WireValue.parse(type, text);
      if (parsed.isPresent()) {
        values.add(parsed.get());
      } else {
        problems.add(
            "%s[%d]: \"%s\" is unknown; one of %s"
                .formatted(path, i, text, WireValue.allowed(type)));
      }
    }
    return values;
  }

  private Set<String> strings(JsonNode node, String path) {
    return new HashSet<>(texts(node, path));
  }

  private List<String> texts(JsonNode node, String path) {
    List<String> texts = new ArrayList<>();
    if (node == null || node.isNull()) {
      return texts;
    }
    if (!node.isArray()) {
      problems.add(path + ": " + node + " is not a list");
      return texts;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (item.isTextual()) {
        texts.add(item.asText());
      } else {
        problems.add("%s[%d]: %s is not a string".formatted(path, i, item));
      }
    }
    return texts;
  }

  private void unknownFields(JsonNode object, Set<String> known, String prefix) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add(
            "%s%s: unknown field; allowed are %s"
                .formatted(prefix, name, known.stream().sorted().toList()));
      }
    }
  }
}
