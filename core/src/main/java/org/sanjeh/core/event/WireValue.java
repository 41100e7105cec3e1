package org.sanjeh.core.event;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum constant with a stable lower-case name in the JSON contract. The wire name is the
 * constant's name in lower case unless the enum says otherwise; aliases are accepted on input and
 * never written.
 */
public interface WireValue {

  String wire();

  default List<String> aliases() {
    return List.of();
  }

  static String defaultWire(Enum<?> constant) {
    // computed once per enum: wire() is called for every event encoded, stored or counted
    return Lookup.DEFAULT_WIRE.get(constant.getDeclaringClass())[constant.ordinal()];
  }

  /** The constant whose wire name or alias is {@code text}, case-insensitive. */
  static <E extends Enum<E> & WireValue> Optional<E> parse(Class<E> type, String text) {
    if (text == null) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    Map<String, E> byName = (Map<String, E>) Lookup.BY_NAME.get(type);
    return Optional.ofNullable(byName.get(text.trim().toLowerCase(Locale.ROOT)));
  }

  /** The wire names of {@code type}, for error messages: "one of email, chat, …". */
  static <E extends Enum<E> & WireValue> String allowed(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(WireValue::wire)
        .collect(Collectors.joining(", "));
  }

  /** Per-enum lookup tables, built once per class. */
  final class Lookup {
    private static final ClassValue<String[]> DEFAULT_WIRE =
        new ClassValue<>() {
          @Override
          protected String[] computeValue(Class<?> type) {
            return Arrays.stream(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
          }
        };

    private static final ClassValue<Map<String, ?>> BY_NAME =
        new ClassValue<>() {
          @Override
          protected Map<String, ?> computeValue(Class<?> type) {
            Map<String, Object> names = new LinkedHashMap<>();
            for (Object constant : type.getEnumConstants()) {
              WireValue value = (WireValue) constant;
              names.put(value.wire(), constant);
              value.aliases().forEach(alias -> names.put(alias, constant));
            }
            return Map.copyOf(names);
          }
        };

    private Lookup() {}
  }
}
