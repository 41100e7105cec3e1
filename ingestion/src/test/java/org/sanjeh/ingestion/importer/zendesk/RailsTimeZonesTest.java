package org.sanjeh.ingestion.importer.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RailsTimeZonesTest {

  @Test
  void everyRailsZoneNameMapsToAZoneJavaKnows() {
    assertThat(RailsTimeZones.mapping()).hasSize(152);
    RailsTimeZones.mapping()
        .forEach(
            (rails, iana) ->
                assertThat(RailsTimeZones.zone(rails)).as(rails).contains(ZoneId.of(iana)));
  }

  @Test
  void zendesksNamesAndIanaNamesAreBothRead() {
    assertThat(RailsTimeZones.zone("Pacific Time (US & Canada)"))
        .contains(ZoneId.of("America/Los_Angeles"));
    assertThat(RailsTimeZones.zone("Tehran")).contains(ZoneId.of("Asia/Tehran"));
    assertThat(RailsTimeZones.zone("Asia/Tehran")).contains(ZoneId.of("Asia/Tehran"));
    assertThat(RailsTimeZones.zone("Atlantis")).isEmpty();
  }
}
