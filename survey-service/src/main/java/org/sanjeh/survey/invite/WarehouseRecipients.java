package org.sanjeh.survey.invite;

import java.util.List;
import java.util.Optional;
import org.sanjeh.warehouse.Warehouse;

/**
 * Addresses (e-mail, Telegram, WhatsApp) from {@code customer_identities}, written by ingestion's
 * identity resolver: the customer's most recently linked address. That table holds only links a
 * channel proved; addresses a customer merely typed (a web form) are claims in {@code
 * customer_identity_claims} and are never read here, so an invitation never goes to them.
 */
public final class WarehouseRecipients implements SmtpSender.Recipients, CustomerIdentities {

  private final Warehouse warehouse;

  public WarehouseRecipients(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Override
  public Optional<String> emailOf(String customerId) {
    return of(customerId, "email");
  }

  /** The customer's most recently linked identity of this kind, without its {@code kind:}. */
  @Override
  public Optional<String> of(String customerId, String kind) {
    List<String> found =
        warehouse.query(
            "SELECT identity FROM customer_identities FINAL"
                + " WHERE kind = ? AND customer_id = ? ORDER BY linked_at DESC LIMIT 1",
            List.of(kind, customerId),
            r -> r.getString(1));
    return found.stream().findFirst().map(identity -> identity.substring(kind.length() + 1));
  }
}
