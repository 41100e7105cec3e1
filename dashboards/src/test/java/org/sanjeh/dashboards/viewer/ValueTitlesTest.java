package org.sanjeh.dashboards.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.Priority;
import org.sanjeh.core.event.TicketStatus;
import org.sanjeh.core.sla.SlaStatus;

class ValueTitlesTest {

  private final ValueTitles titles = ValueTitles.bundled();

  @Test
  void everyValueTheEventContractAndTheSlaEngineCanStoreHasATitleInBothLanguages() {
    List<String> missing = new ArrayList<>();
    for (Language language : Language.values()) {
      for (Channel channel : Channel.values()) {
        check("channel", channel.wire(), language, missing);
      }
      for (Priority priority : Priority.values()) {
        check("priority", priority.wire(), language, missing);
      }
      for (TicketStatus status : TicketStatus.values()) {
        check("ticket_status", status.wire(), language, missing);
      }
      for (SlaStatus status : SlaStatus.values()) {
        check("sla_state", status.name().toLowerCase(Locale.ROOT), language, missing);
      }
      check("sla_state", "at_risk", language, missing);
    }

    assertThat(missing).as("titles missing from viewer/values*.properties").isEmpty();
  }

  @Test
  void persianHasEveryKeyEnglishHas() {
    assertThat(titles.keys(Language.FA))
        .containsExactlyInAnyOrderElementsOf(titles.keys(Language.EN));
  }

  @Test
  void columnsOfAVocabularyGetItsTitlesAndFreeTextColumnsNone() {
    Map<String, Map<String, String>> persian =
        titles.forColumns(List.of("state", "team", "sentiment_label", "comment"), Language.FA);

    assertThat(persian).containsOnlyKeys("state", "sentiment_label");
    assertThat(persian.get("state")).containsEntry("at_risk", "در خطر");
    assertThat(persian.get("sentiment_label")).containsEntry("negative", "منفی");
    assertThat(titles.forColumns(List.of("target"), Language.EN).get("target"))
        .containsEntry("first_response", "first response");
    assertThat(titles.forColumns(List.of("top_drivers"), Language.FA).get("top_drivers"))
        .containsEntry("days_since_last_contact", "روز از آخرین تماس")
        .containsEntry("main_channel", "کانال اصلی");
  }

  private void check(String group, String value, Language language, List<String> missing) {
    if (!titles.group(group, language).containsKey(value)
        || !titles.keys(language).contains(group + "." + value)) {
      missing.add(language + " " + group + "." + value);
    }
  }
}
