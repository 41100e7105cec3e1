package org.sanjeh.ingestion.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sanjeh.ingestion.util.LruMap;
import org.sanjeh.warehouse.Warehouse;

/**
 * Maps every way of reaching a customer to one customer id, from what the channels prove.
 *
 * <p>A <em>proven</em> identity is one the channel vouches for: the WhatsApp number a signed
 * webhook came from, the Telegram user (and a contact they shared of themselves), the sender of an
 * imported e-mail. It is linked to the customer in {@code customer_identities}; an identity seen
 * for the first time gets a new id unless the same message proves it belongs with a known one (a
 * WhatsApp number that is the customer's phone). A <em>claimed</em> identity is one the sender
 * merely states (an address typed into a web form): it is stored in {@code
 * customer_identity_claims}, never linked, never used to recognise anyone and never sent to. So a
 * stranger who types someone's address, or shares someone's contact, joins nobody's directory
 * entry.
 *
 * <p>The links live in ClickHouse so every process agrees, with a bounded cache in front. Ids are
 * derived from the first identity, so two processes meeting a new customer choose the same id.
 */
public final class IdentityResolver {

  static final int DEFAULT_CACHE_SIZE = 100_000;

  private final Warehouse warehouse;
  private final Clock clock;
  private final Map<String, String> customerByIdentity;
  private final Map<String, Boolean> claimsStored;

  public IdentityResolver(Warehouse warehouse, Clock clock) {
    this(warehouse, clock, DEFAULT_CACHE_SIZE);
  }

  /**
   * @param cacheSize how many links (and as many claims) are remembered; the rest are looked up
   */
  public IdentityResolver(Warehouse warehouse, Clock clock, int cacheSize) {
    this.warehouse = warehouse;
    this.clock = clock;
    this.customerByIdentity = new LruMap<>(cacheSize);
    this.claimsStored = new LruMap<>(cacheSize);
  }

  /** The customer these proven identities belong to; each is linked to it from now on. */
  public String resolve(List<Identity> proven, String source) {
    return resolve(proven, List.of(), source);
  }

  /**
   * The customer behind a message: found by its proven identities, or, when it has none (a web
   * form), by the proven links of what it claims; a new customer otherwise. Proven identities are
   * linked to that customer, claimed ones only recorded as claims, and a claim never shadows a
   * link.
   */
  public synchronized String resolve(List<Identity> proven, List<Identity> claimed, String source) {
    List<Identity> recognising = proven.isEmpty() ? claimed : proven;
    if (recognising.isEmpty()) {
      throw new IllegalArgumentException("a message needs at least one identity of its sender");
    }
    String customer =
        recognising.stream()
            .map(identity -> linkedCustomer(identity.key()))
            .filter(Objects::nonNull)
            .findFirst()
            .orElseGet(() -> newCustomerId(recognising.get(0)));
    for (Identity identity : proven) {
      if (!customer.equals(customerByIdentity.get(identity.key()))) {
        link(identity, customer, source);
      }
    }
    for (Identity identity : claimed) {
      if (linkedCustomer(identity.key()) == null) {
        claim(identity, customer, source);
      }
    }
    return customer;
  }

  /** The customer an identity is linked to (proven), or null. */
  private String linkedCustomer(String key) {
    String cached = customerByIdentity.get(key);
    if (cached != null) {
      return cached;
    }
    List<String> stored =
        warehouse.query(
            "SELECT customer_id FROM customer_identities FINAL WHERE identity = ? LIMIT 1",
            List.of(key),
            row -> row.getString(1));
    if (stored.isEmpty()) {
      return null;
    }
    customerByIdentity.put(key, stored.get(0));
    return stored.get(0);
  }

  private void link(Identity identity, String customer, String source) {
    warehouse.execute(
        "INSERT INTO customer_identities (identity, kind, customer_id, source, linked_at)"
            + " VALUES (?, ?, ?, ?, toDateTime(?))",
        List.of(
            identity.key(), identity.kind(), customer, source, clock.instant().getEpochSecond()));
    customerByIdentity.put(identity.key(), customer);
  }

  private void claim(Identity identity, String customer, String source) {
    String claim = customer + "\n" + identity.key();
    if (claimsStored.containsKey(claim)) {
      return;
    }
    warehouse.execute(
        "INSERT INTO customer_identity_claims (identity, kind, customer_id, source, claimed_at)"
            + " VALUES (?, ?, ?, ?, toDateTime(?))",
        List.of(
            identity.key(), identity.kind(), customer, source, clock.instant().getEpochSecond()));
    claimsStored.put(claim, Boolean.TRUE);
  }

  /** Entries held in memory (links and claims): at most twice the cache size. */
  synchronized int cached() {
    return customerByIdentity.size() + claimsStored.size();
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
}
