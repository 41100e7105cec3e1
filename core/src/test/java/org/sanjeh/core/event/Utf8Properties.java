package org.sanjeh.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The byte-level validator agrees with the JDK's strict UTF-8 decoder on any input. */
class Utf8Properties {

  @Property(tries = 3000)
  void agreesWithTheJdkDecoder(@ForAll("mostlyUtf8") byte[] bytes) {
    boolean jdkValid;
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      jdkValid = true;
    } catch (CharacterCodingException e) {
      jdkValid = false;
    }

    assertThat(Utf8.firstInvalid(bytes, 0, bytes.length) < 0).isEqualTo(jdkValid);
  }

  /** Real text with random damage: truncated sequences, stray continuation bytes, overlongs. */
  @Provide
  Arbitrary<byte[]> mostlyUtf8() {
    Arbitrary<byte[]> text =
        Arbitraries.strings()
            .withChars("aZ0 سلام😀🙏🏽€\u07ff\uffff")
            .ofMaxLength(20)
            .map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(12);
    Arbitrary<byte[]> edges =
        Arbitraries.of(
            new byte[] {(byte) 0xC0, (byte) 0x80}, // overlong NUL
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            new byte[] {(byte) 0xE0, (byte) 0x9F, (byte) 0xBF}, // overlong 3-byte
            new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}); // truncated emoji
    return Arbitraries.oneOf(
        text,
        random,
        edges,
        Arbitraries.oneOf(text, edges).list().ofMaxSize(4).map(Utf8Properties::concat));
  }

  private static byte[] concat(java.util.List<byte[]> parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    return out.toByteArray();
  }
}
