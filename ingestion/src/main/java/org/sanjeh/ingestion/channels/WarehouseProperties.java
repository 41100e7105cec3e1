package org.sanjeh.ingestion.channels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sanjeh.warehouse.WarehouseConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the customer directory lives ({@code sanjeh.warehouse.*}; the password from a file or the
 * environment).
 */
@ConfigurationProperties("sanjeh.warehouse")
public record WarehouseProperties(
    @DefaultValue("127.0.0.1") String host,
    @DefaultValue("8123") int httpPort,
    @DefaultValue("sanjeh") String database,
    @DefaultValue("default") String user,
    @DefaultValue("") String password,
    String passwordFile) {

  public WarehouseConfig config() {
    String secret = password;
    if (passwordFile != null && !passwordFile.isBlank()) {
      try {
        secret = Files.readString(Path.of(passwordFile)).strip();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read sanjeh.warehouse.password-file " + passwordFile, e);
      }
    }
    return new WarehouseConfig(host, httpPort, database, user, secret);
  }
}
