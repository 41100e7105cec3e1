package org.sanjeh.warehouse.migrate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanjeh.core.util.Hashes;

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
    // Line endings must not change the checksum: a checkout on Windows is the same migration.
    return Hashes.sha256Hex(script.replace("\r\n", "\n"));
  }
}
