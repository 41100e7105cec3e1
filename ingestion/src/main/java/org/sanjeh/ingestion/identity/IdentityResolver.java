package org.sanjeh.ingestion.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sanjeh.warehouse.Warehouse;

/**
 * Maps every way of reaching a customer to one customer id. An identity seen for the first time
 * gets a new id, unless the same message links it to a known one (an e-mail with a phone number in
 * its signature, a WhatsApp number that is the customer's phone): then both map to the same id. The
 * mapping lives in ClickHouse ({@code customer_identities}) so that every process agrees, with a
 * cache in front. Ids are derived from the first identity, so two processes that meet a new
 * customer at the same moment choose the same id.
 */
public final class IdentityResolver {

  private final Warehouse warehouse;
  private final Clock clock;
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  public IdentityResolver(Warehouse warehouse, Clock clock) {
    this.warehouse = warehouse;
    this.clock = clock;
  }

  /** The customer these identities belong to; every one of them is linked to it from now on. */
  public synchronized String resolve(List<Identity> identities, String source) {
    if (identities.isEmpty()) {
      throw new IllegalArgumentException("a message needs at least one identity of its sender");
    }
    String customer = null;
    for (Identity identity : identities) {
      customer = customer != null ? customer : known(identity.key());
    }
    if (customer == null) {
      customer = newCustomerId(identities.get(0));
    }
    for (Identity identity : identities) {
      if (!customer.equals(cache.get(identity.key()))) {
        link(identity, customer, source);
      }
    }
    return customer;
  }

  private String known(String key) {
    String cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    List<String> stored =
        warehouse.query(
            "SELECT customer_id FROM customer_identities FINAL WHERE identity = '"
                + escape(key)
                + "' LIMIT 1",
            row -> row.getString(1));
    if (stored.isEmpty()) {
      return null;
    }
    cache.put(key, stored.get(0));
    return stored.get(0);
  }

  private void link(Identity identity, String customer, String source) {
    warehouse.execute(
        "INSERT INTO customer_identities (identity, kind, customer_id, source, linked_at) VALUES ('%s', '%s', '%s', '%s', toDateTime(%d))"
            .formatted(
                escape(identity.key()),
                escape(identity.kind()),
                escape(customer),
                escape(source),
                clock.instant().getEpochSecond()));
    cache.put(identity.key(), customer);
  }

  static String newCustomerId(Identity first) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(first.key().getBytes(StandardCharsets.UTF_8));
      return "C-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("'", "\\'");
  }
}
