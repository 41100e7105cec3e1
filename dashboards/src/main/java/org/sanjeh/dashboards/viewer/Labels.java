package org.sanjeh.dashboards.viewer;

import java.util.Locale;
import org.sanjeh.dashboards.definition.Chart;
import org.sanjeh.dashboards.definition.Dashboard;
import org.sanjeh.dashboards.definition.Metric;
import org.springframework.context.MessageSource;

/**
 * What people read on the dashboards, in their language: the definitions' own titles in English,
 * {@code viewer/labels_fa.properties} in Persian ({@code dashboard.ID}, {@code chart.ID}, {@code
 * metric.NAME}, {@code column.NAME}). A missing Persian label falls back to the English title.
 */
public final class Labels {

  private final MessageSource messages;

  public Labels(MessageSource messages) {
    this.messages = messages;
  }

  public String dashboard(Dashboard dashboard, Language language) {
    return label("dashboard." + dashboard.id(), dashboard.title(), language);
  }

  public String chart(Chart chart, Language language) {
    return label("chart." + chart.id(), chart.title(), language);
  }

  public String metric(Metric metric, Language language) {
    return label("metric." + metric.name(), metric.title(), language);
  }

  public String column(String name, Language language) {
    return label("column." + name, null, language);
  }

  /** Whether Persian has its own label for this key (for the test that none is missing). */
  public boolean hasPersian(String key) {
    String persian = messages.getMessage(key, null, null, Language.FA.locale());
    return persian != null && !persian.equals(messages.getMessage(key, null, null, Locale.ROOT));
  }

  private String label(String key, String english, Language language) {
    Locale locale = language.locale();
    String fallback = english != null ? english : messages.getMessage(key, null, key, Locale.ROOT);
    if (language == Language.EN && english != null) {
      return english;
    }
    return messages.getMessage(key, null, fallback, locale);
  }
}
