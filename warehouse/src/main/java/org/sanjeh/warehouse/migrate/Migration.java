package org.sanjeh.warehouse.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned schema change, from a file named {@code V<version>__<description>.sql}.
 *
 * @param checksum SHA-256 of the script, so a change to an applied migration is noticed
 */
public record Migration(int version, String name, String script, String checksum) {

  private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

  public static Migration of(String fileName, String script) {
    Matcher name = FILE_NAME.matcher(fileName);
    if (!name.matches()) {
      throw new IllegalArgumentException(
          "migration file '" + fileName + "' must be named V<number>__<words>.sql");
    }
    return new Migration(Integer.parseInt(name.group(1)), fileName, script, sha256(script));
  }

  private static String sha256(String script) {
    try {
      // Line endings must not change the checksum: a checkout on Windows is the same migration.
      byte[] normalized = script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalized));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
