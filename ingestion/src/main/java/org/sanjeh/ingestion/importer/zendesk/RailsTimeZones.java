package org.sanjeh.ingestion.importer.zendesk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Zendesk names time zones as Rails does ("Pacific Time (US & Canada)", "Tehran"): the table in
 * {@code rails-time-zones.tsv} (Rails' {@code ActiveSupport::TimeZone::MAPPING}, as data) gives the
 * IANA zone of each. An IANA name ({@code Asia/Tehran}) is accepted as it is.
 */
final class RailsTimeZones {

  private static final Map<String, String> MAPPING = load();

  private RailsTimeZones() {}

  static Map<String, String> mapping() {
    return Collections.unmodifiableMap(MAPPING);
  }

  static Optional<ZoneId> zone(String name) {
    String iana = MAPPING.get(name.strip());
    try {
      return Optional.of(ZoneId.of(iana != null ? iana : name.strip()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Map<String, String> load() {
    Map<String, String> mapping = new LinkedHashMap<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                RailsTimeZones.class.getResourceAsStream("rails-time-zones.tsv"),
                StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        mapping.put(parts[0], parts[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return mapping;
  }
}
