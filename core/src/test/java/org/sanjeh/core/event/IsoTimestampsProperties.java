package org.sanjeh.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written timestamp reader agrees with the JDK's {@code ISO_OFFSET_DATE_TIME}: the same
 * instant for every text the JDK accepts, an error for every text it rejects.
 */
class IsoTimestampsProperties {

  @Property(tries = 5000)
  void agreesWithTheJdkParser(@ForAll("timestamps") String text) {
    Instant jdk;
    try {
      jdk = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      jdk = null;
    }
    Instant ours;
    try {
      ours = IsoTimestamps.parse(text);
    } catch (DateTimeParseException e) {
      ours = null;
    }
    assertThat(ours).as(text).isEqualTo(jdk);
  }

  @Example
  void readsTheCommonShapesWithoutTheJdkParser() {
    assertThat(IsoTimestamps.parseCommonShape("2024-01-17T12:00:00Z"))
        .isEqualTo(Instant.parse("2024-01-17T12:00:00Z"));
    assertThat(IsoTimestamps.parseCommonShape("2024-02-29T23:59:59.5+03:30"))
        .isEqualTo(Instant.parse("2024-02-29T20:29:59.500Z"));
    assertThat(IsoTimestamps.parseCommonShape("1969-12-31T23:59:59.123456789-05:00"))
        .isEqualTo(Instant.parse("1970-01-01T04:59:59.123456789Z"));
  }

  @Example
  void leavesInvalidDatesToTheJdkParserAndItsMessage() {
    assertThat(IsoTimestamps.parseCommonShape("2023-02-29T10:00:00Z")).isNull();
    assertThat(IsoTimestamps.parseCommonShape("2023-01-01T24:00:00Z")).isNull();
  }

  @Property(tries = 5000)
  void writesWhatTheJdkFormatterWrites(@ForAll("instants") Instant instant) {
    assertThat(IsoTimestamps.format(instant))
        .as("%d s %d ns", instant.getEpochSecond(), instant.getNano())
        .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
  }

  @Example
  void writesTheFractionInGroupsOfThreeDigitsAndYearsOutsideFourDigitsAsTheJdkDoes() {
    assertThat(IsoTimestamps.format(Instant.ofEpochSecond(1_709_456_400L)))
        .isEqualTo("2024-03-03T09:00:00Z");
    assertThat(IsoTimestamps.format(Instant.ofEpochSecond(1_709_456_400L, 580_000_000)))
        .isEqualTo("2024-03-03T09:00:00.580Z");
    assertThat(IsoTimestamps.format(Instant.ofEpochSecond(1_709_456_400L, 1_000)))
        .isEqualTo("2024-03-03T09:00:00.000001Z");
    assertThat(IsoTimestamps.format(Instant.ofEpochSecond(1_709_456_400L, 123_456_789)))
        .isEqualTo("2024-03-03T09:00:00.123456789Z");
    assertThat(IsoTimestamps.format(Instant.ofEpochSecond(-1L, 999_000_000)))
        .isEqualTo("1969-12-31T23:59:59.999Z");
    assertThat(IsoTimestamps.format(Instant.ofEpochSecond(-62_167_219_200L)))
        .isEqualTo("0000-01-01T00:00:00Z");
    assertThat(IsoTimestamps.format(Instant.ofEpochSecond(253_402_300_799L)))
        .isEqualTo("9999-12-31T23:59:59Z");
    assertThat(IsoTimestamps.format(Instant.ofEpochSecond(253_402_300_800L)))
        .isEqualTo("+10000-01-01T00:00:00Z");
    assertThat(IsoTimestamps.format(Instant.ofEpochSecond(-62_167_219_201L)))
        .isEqualTo("-0001-12-31T23:59:59Z");
  }

  /** Instants from before year 0 to after 9999, with whole, milli, micro and nano fractions. */
  @Provide
  Arbitrary<Instant> instants() {
    return Combinators.combine(
            Arbitraries.longs()
                .between(-62_167_219_200L - 86_400L * 800, 253_402_300_800L + 86_400L * 800),
            Arbitraries.oneOf(
                Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000),
                Arbitraries.integers().between(0, 999_999_999)))
        .as(Instant::ofEpochSecond);
  }

  /** Valid timestamps in every shape, and the same with one character changed or cut off. */
  @Provide
  Arbitrary<String> timestamps() {
    Arbitrary<String> valid =
        Combinators.combine(
                Arbitraries.integers().between(0, 9999),
                Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32),
                Arbitraries.integers().between(0, 24),
                Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(0, 60),
                Arbitraries.strings()
                    .numeric()
                    .ofMaxLength(11)
                    .map(f -> f.isEmpty() ? "" : "." + f),
                Arbitraries.of(
                    "Z",
                    "z",
                    "+03:30",
                    "-05:00",
                    "+18:00",
                    "-18:00",
                    "+19:00",
                    "+00:00",
                    "+05:30:15",
                    "+0330",
                    "",
                    "+3:30",
                    "-00:60"))
            .as(
                (y, mo, d, h, mi, s, fraction, offset) ->
                    "%04d-%02d-%02dT%02d:%02d:%02d%s%s"
                        .formatted(y, mo, d, h, mi, s, fraction, offset));
    return Arbitraries.oneOf(valid, valid.flatMap(IsoTimestampsProperties::damaged));
  }

  private static Arbitrary<String> damaged(String text) {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, text.length() - 1);
    Arbitrary<Character> by = Arbitraries.of('0', '9', ':', '-', '+', 'T', 't', '.', ' ', '٣', 'Z');
    return Arbitraries.oneOf(
        Combinators.combine(at, by).as((i, c) -> text.substring(0, i) + c + text.substring(i + 1)),
        at.map(i -> text.substring(0, i)));
  }
}
