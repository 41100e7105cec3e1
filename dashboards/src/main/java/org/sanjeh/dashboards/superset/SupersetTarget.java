package org.sanjeh.dashboards.superset;

import java.time.ZoneId;
import java.util.Optional;

/**
 * Where Superset will reach ClickHouse (clickhouse-connect over HTTP) and the business's zone the
 * datasets' local days are computed in. The password goes into the bundle only when asked for (for
 * {@code superset import-dashboards}, which cannot prompt); otherwise the URI carries Superset's
 * mask and the import asks for it.
 */
public record SupersetTarget(
    String host, int port, String database, String user, ZoneId zone, Optional<String> password) {

  // Superset's own placeholder for a password left out of an exported database (PASSWORD_MASK in
  // its source): on import it asks for the password instead of storing these characters.
  static final String PASSWORD_MASK = "XXXXXXXXXX";

  public SupersetTarget {
    if (!host.matches("[A-Za-z0-9.\\-]+")) {
      throw new IllegalArgumentException(
          "host '" + host + "' must be a host name or an IPv4 address");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " is not a port number");
    }
    if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "database '" + database + "' must be letters, digits and underscores");
    }
    if (!user.matches("[A-Za-z0-9_.\\-]+")) {
      throw new IllegalArgumentException(
          "user '" + user + "' must be letters, digits, '.', '_' or '-'");
    }
  }

  /** The SQLAlchemy URI of Superset's {@code clickhousedb} engine, password masked. */
  String maskedUri() {
    return "clickhousedb://%s:%s@%s:%d/%s".formatted(user, PASSWORD_MASK, host, port, database);
  }
}
