package org.sanjeh.survey.invite;

import java.util.List;
import java.util.Optional;
import org.sanjeh.warehouse.Warehouse;

/**
 * E-mail addresses from {@code customer_identities}, written by ingestion's identity resolver: the
 * customer's most recently linked address.
 */
public final class WarehouseRecipients implements SmtpSender.Recipients {

  private final Warehouse warehouse;

  public WarehouseRecipients(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Override
  public Optional<String> emailOf(String customerId) {
    List<String> found =
        warehouse.query(
            "SELECT identity FROM customer_identities FINAL WHERE kind = 'email' AND customer_id = '"
                + customerId.replace("\\", "\\\\").replace("'", "\\'")
                + "' ORDER BY linked_at DESC LIMIT 1",
            r -> r.getString(1));
    return found.stream().findFirst().map(identity -> identity.substring("email:".length()));
  }
}
