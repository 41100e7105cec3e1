package org.sanjeh.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The offset tables answer as the JDK's zone rules do, before, between and after transitions. */
class ZoneOffsetsProperties {

  private static final long FROM = Instant.parse("1850-01-01T00:00:00Z").toEpochMilli();
  private static final long TO = Instant.parse("2250-01-01T00:00:00Z").toEpochMilli();

  @Property(tries = 3000)
  void theOffsetAtAnInstantIsTheZoneRulesOffset(
      @ForAll("zones") ZoneId zone, @ForAll("instants") long utcMs) {
    long expected =
        zone.getRules().getOffset(Instant.ofEpochMilli(utcMs)).getTotalSeconds() * 1000L;
    assertThat(ZoneOffsets.of(zone).offsetAtUtc(utcMs)).isEqualTo(expected);
  }

  @Property(tries = 3000)
  void aLocalTimeMapsToTheInstantTheZoneRulesGive(
      @ForAll("zones") ZoneId zone, @ForAll("instants") long localMs) {
    LocalDateTime local =
        LocalDateTime.ofEpochSecond(Math.floorDiv(localMs, 1000), 0, ZoneOffset.UTC);
    long expected =
        local.toEpochSecond(zone.getRules().getOffset(local)) * 1000 + Math.floorMod(localMs, 1000);
    assertThat(ZoneOffsets.of(zone).utcOfLocal(localMs)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(
            "Asia/Tehran", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC", "Asia/Dubai")
        .map(ZoneId::of);
  }

  /** Anywhere in four centuries, and often the years around now (Tehran stopped DST in 2022). */
  @Provide
  Arbitrary<Long> instants() {
    long recentFrom = Instant.parse("2019-01-01T00:00:00Z").toEpochMilli();
    long recentTo = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
    return Arbitraries.oneOf(
        Arbitraries.longs().between(FROM, TO), Arbitraries.longs().between(recentFrom, recentTo));
  }
}
