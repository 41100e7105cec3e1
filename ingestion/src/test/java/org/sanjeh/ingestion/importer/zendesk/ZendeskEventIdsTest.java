package org.sanjeh.ingestion.importer.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A field change's value in its event id: the ids of earlier imports must not change. */
class ZendeskEventIdsTest {

  @Test
  void aValueKeepsLettersDigitsUnderscoresAndDashesAndEveryOtherCharacterBecomesOneUnderscore() {
    assertThat(ZendeskEvents.shortValue("On Hold")).isEqualTo("On_Hold");
    assertThat(ZendeskEvents.shortValue("a/1:b.c@x")).isEqualTo("a_1_b_c_x");
    assertThat(ZendeskEvents.shortValue("vip  billing-issue")).isEqualTo("vip__billing-issue");
    assertThat(ZendeskEvents.shortValue("é😀b")).as("a surrogate pair is one").isEqualTo("__b");
    assertThat(ZendeskEvents.shortValue("\uD83Dx")).as("a lone surrogate").isEqualTo("_x");
    assertThat(ZendeskEvents.shortValue("")).isEmpty();
  }

  @Test
  void aValueIsCutToFortyCharactersAfterItsCharactersAreReplaced() {
    assertThat(ZendeskEvents.shortValue("x".repeat(45))).isEqualTo("x".repeat(40));
    assertThat(ZendeskEvents.shortValue("😀".repeat(30))).isEqualTo("_".repeat(30));
    assertThat(ZendeskEvents.shortValue("😀".repeat(45))).isEqualTo("_".repeat(40));
  }
}
