package org.sanjeh.ingestion.conversation;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.sanjeh.ingestion.identity.Identity;

/** The identity-to-customer contract of IdentityResolver, kept in a map, for routing tests. */
public final class InMemoryCustomers implements BiFunction<InboundMessage, String, String> {

  private final Map<String, String> byIdentity = new HashMap<>();

  @Override
  public String apply(InboundMessage message, String source) {
    String customer =
        message.customer().stream()
            .map(i -> byIdentity.get(i.key()))
            .filter(c -> c != null)
            .findFirst()
            .orElse("C-" + message.customer().get(0).key());
    message.customer().stream().map(Identity::key).forEach(key -> byIdentity.put(key, customer));
    return customer;
  }
}
