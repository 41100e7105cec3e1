package org.sanjeh.dashboards.viewer.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sanjeh.core.util.Hashes;

/**
 * The keys that may read the dashboards, kept only as SHA-256 hashes. A presented key is hashed and
 * compared in constant time with every configured hash, so timing tells nothing about them.
 */
public final class ViewerKeys {

  /** Shorter keys could be guessed within the login limit's lifetime. */
  static final int MIN_KEY_LENGTH = 16;

  private final List<byte[]> hashes;

  ViewerKeys(List<byte[]> hashes) {
    this.hashes = List.copyOf(hashes);
  }

  /**
   * From {@code name:sha256hex} entries and, when given, a file holding one key. No key at all is
   * refused: a viewer nobody can open, or one everybody can, is a configuration mistake.
   */
  public static ViewerKeys fromConfiguration(List<String> nameColonHash, Optional<Path> keyFile) {
    List<byte[]> hashes = new ArrayList<>();
    for (String entry : nameColonHash) {
      String hex = entry.substring(entry.indexOf(':') + 1).strip().toLowerCase(Locale.ROOT);
      if (!hex.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException(
            "sanjeh.viewer.api-keys: entry '"
                + entry.substring(0, entry.indexOf(':') + 1)
                + "…' must be name:sha256-hex (64 hex digits), e.g. from: printf %s KEY | sha256sum");
      }
      hashes.add(HexFormat.of().parseHex(hex));
    }
    keyFile.ifPresent(
        file -> hashes.add(Hashes.sha256(readKey(file).getBytes(StandardCharsets.UTF_8))));
    if (hashes.isEmpty()) {
      throw new IllegalArgumentException(
          "no viewer key configured: set SANJEH_VIEWER_APIKEYS (name:sha256-of-key) or"
              + " SANJEH_VIEWER_APIKEYFILE (a file holding a key); dashboards serve makes one");
    }
    return new ViewerKeys(hashes);
  }

  public boolean accepts(String key) {
    if (key == null || key.isEmpty() || key.length() > 512) {
      return false;
    }
    byte[] presented = Hashes.sha256(key.getBytes(StandardCharsets.UTF_8));
    boolean found = false;
    for (byte[] hash : hashes) {
      found |= MessageDigest.isEqual(hash, presented);
    }
    return found;
  }

  private static String readKey(Path file) {
    try {
      String key = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (key.length() < MIN_KEY_LENGTH) {
        throw new IllegalArgumentException(
            "the viewer key in " + file + " is shorter than " + MIN_KEY_LENGTH + " characters");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the viewer key file " + file, e);
    }
  }
}
