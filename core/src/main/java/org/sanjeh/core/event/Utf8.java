package org.sanjeh.core.event;

/**
 * Strict UTF-8 validation over a byte range without decoding it: overlong forms, surrogates and
 * code points above U+10FFFF are invalid, as in {@link java.nio.charset.CharsetDecoder} with
 * REPORT. Lets the codec hand the bytes to the JSON parser without first copying them into a
 * String.
 */
final class Utf8 {

  private Utf8() {}

  /** Offset of the first invalid byte in [from, to), or -1 if the range is valid UTF-8. */
  static int firstInvalid(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      int b = bytes[i];
      if (b >= 0) { // ASCII, the common case
        i++;
        continue;
      }
      int lead = b & 0xFF;
      int length;
      int min;
      if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        min = 0x80;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        min = 0x800;
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        min = 0x10000;
      } else {
        return i;
      }
      if (i + length > to) {
        return i;
      }
      int codePoint = lead & (0xFF >> (length + 1));
      for (int k = 1; k < length; k++) {
        int next = bytes[i + k] & 0xFF;
        if ((next & 0xC0) != 0x80) {
          return i;
        }
        codePoint = (codePoint << 6) | (next & 0x3F);
      }
      if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
        return i;
      }
      i += length;
    }
    return -1;
  }
}
