package org.sanjeh.dashboards.viewer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How the viewer shows the stored values of columns with a fixed vocabulary (SLA states, ticket
 * statuses, channels, priorities, risk bands, sentiment labels): {@code viewer/values.properties}
 * in English and {@code viewer/values_fa.properties} in Persian, keyed {@code GROUP.VALUE}. The API
 * still sends the stored values (filters, CSV and drill-downs take them); the page shows the
 * titles. A value without a title is shown as stored.
 */
public final class ValueTitles {

  /** Which vocabulary each column holds. */
  static final Map<String, String> COLUMN_GROUPS =
      Map.ofEntries(
          Map.entry("target", "target"),
          Map.entry("state", "sla_state"),
          Map.entry("status", "sla_state"),
          Map.entry("fr_status", "sla_state"),
          Map.entry("ticket_status", "ticket_status"),
          Map.entry("risk_band", "risk_band"),
          Map.entry("label", "sentiment"),
          Map.entry("sentiment_label", "sentiment"),
          Map.entry("sla_breached", "yes_no"),
          Map.entry("kind", "survey_kind"),
          Map.entry("channel", "channel"),
          Map.entry("priority", "priority"),
          // feature names, one or a comma-separated list; the page titles each part (and the
          // value of a categorical one, channel=email, by its own vocabulary)
          Map.entry("driver", "driver"),
          Map.entry("top_drivers", "driver"));

  private final Map<Language, Map<String, String>> titles;

  private ValueTitles(Map<Language, Map<String, String>> titles) {
    this.titles = titles;
  }

  public static ValueTitles bundled() {
    return new ValueTitles(
        Map.of(
            Language.EN, read("viewer/values.properties"),
            Language.FA, read("viewer/values_fa.properties")));
  }

  /** Column to stored value to title, for the columns in {@code columns} that hold a vocabulary. */
  public Map<String, Map<String, String>> forColumns(Iterable<String> columns, Language language) {
    Map<String, Map<String, String>> byColumn = new TreeMap<>();
    for (String column : columns) {
      String group = COLUMN_GROUPS.get(column);
      if (group != null) {
        byColumn.put(column, group(group, language));
      }
    }
    return byColumn;
  }

  /** A group's values and their titles in that language (English where Persian has none). */
  Map<String, String> group(String group, Language language) {
    Map<String, String> values = new TreeMap<>();
    String prefix = group + ".";
    for (Language source : new Language[] {Language.EN, language}) {
      titles
          .get(source)
          .forEach(
              (key, title) -> {
                if (key.startsWith(prefix)) {
                  values.put(key.substring(prefix.length()), title);
                }
              });
    }
    return values;
  }

  /** Every key of a language's file (for the test that Persian misses none). */
  java.util.Set<String> keys(Language language) {
    return titles.get(language).keySet();
  }

  private static Map<String, String> read(String resource) {
    Properties properties = new Properties();
    try (InputStream in = ValueTitles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the viewer's jar");
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> titles = new TreeMap<>();
    properties.stringPropertyNames().forEach(key -> titles.put(key, properties.getProperty(key)));
    return Map.copyOf(titles);
  }
}
