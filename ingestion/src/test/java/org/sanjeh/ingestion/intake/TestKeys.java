package org.sanjeh.ingestion.intake;

/** API-key hashes for tests in other packages. */
public final class TestKeys {

  private TestKeys() {}

  public static String sha256(String key) {
    return ApiKeys.sha256(key);
  }
}
