package org.sanjeh.ingestion.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sanjeh.core.util.Hashes;

/** Which source a request's API key belongs to. Only SHA-256 hashes of the keys are held. */
final class ApiKeys {

  private final Map<String, String> sourceByHash = new HashMap<>();

  ApiKeys(List<String> sourceColonHash) {
    for (String entry : sourceColonHash) {
      int colon = entry.indexOf(':');
      String hash = colon < 0 ? "" : entry.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
      if (colon <= 0 || !hash.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException(
            "sanjeh.intake.api-keys entry '" + entry + "' must be source:<sha256 hex of the key>");
      }
      sourceByHash.put(hash, entry.substring(0, colon).strip());
    }
  }

  Optional<String> sourceOf(String key) {
    return key == null ? Optional.empty() : Optional.ofNullable(sourceByHash.get(sha256(key)));
  }

  boolean isEmpty() {
    return sourceByHash.isEmpty();
  }

  static String sha256(String key) {
    return Hashes.sha256Hex(key);
  }
}
