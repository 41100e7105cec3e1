package org.sanjeh.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sanjeh.core.util.Hashes;

/**
 * Which source a request's API key belongs to. Only SHA-256 hashes of the keys are configured and
 * held; a presented key's hash is compared with every configured one in constant time, so the
 * answer's timing tells nothing about how close a guess was.
 */
public final class ApiKeys {

  private record Entry(String source, byte[] hash) {}

  private final List<Entry> entries = new ArrayList<>();

  /**
   * @param sourceColonHash {@code source:<sha256 hex of the key>} entries
   * @param property the setting they come from, named in the error for a malformed entry
   */
  public ApiKeys(List<String> sourceColonHash, String property) {
    for (String entry : sourceColonHash) {
      int colon = entry.indexOf(':');
      String hash = colon < 0 ? "" : entry.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
      if (colon <= 0 || !hash.matches("[0-9a-f]{64}")) {
        // the entry holds a hash, never a key: safe to name
        throw new IllegalArgumentException(
            property + " entry '" + entry + "' must be source:<sha256 hex of the key>");
      }
      entries.add(new Entry(entry.substring(0, colon).strip(), HexFormat.of().parseHex(hash)));
    }
  }

  /** The source whose key this is; empty for a missing or unknown key. */
  public Optional<String> sourceOf(String key) {
    if (key == null) {
      return Optional.empty();
    }
    byte[] presented = Hashes.sha256(key.getBytes(StandardCharsets.UTF_8));
    String found = null;
    for (Entry entry : entries) { // no early exit: every entry is compared
      if (MessageDigest.isEqual(entry.hash(), presented) && found == null) {
        found = entry.source();
      }
    }
    return Optional.ofNullable(found);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** What an operator configures for {@code key}: its SHA-256 in hex. */
  public static String sha256(String key) {
    return Hashes.sha256Hex(key);
  }
}
