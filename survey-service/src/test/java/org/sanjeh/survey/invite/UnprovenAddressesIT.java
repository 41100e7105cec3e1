package org.sanjeh.survey.invite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.ingestion.identity.Identity;
import org.sanjeh.ingestion.identity.IdentityResolver;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * Invitations go only to addresses a channel proved: the directory written by ingestion's real
 * resolver, read by the real recipients lookup, in a real ClickHouse.
 */
@ExtendWith(ClickHouseExtension.class)
class UnprovenAddressesIT {

  private final Warehouse warehouse;
  private final IdentityResolver resolver;
  private final WarehouseRecipients recipients;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  UnprovenAddressesIT(Warehouse warehouse) {
    this.warehouse = warehouse;
    this.resolver = new IdentityResolver(warehouse, Clock.systemUTC());
    this.recipients = new WarehouseRecipients(warehouse);
  }

  @Test
  void anAddressTypedIntoTheWebFormIsNeverSentTo() {
    String number = "98912" + (1_000_000 + Math.abs(run.hashCode()) % 8_999_999);
    String customer =
        resolver.resolve(
            List.of(Identity.whatsapp(number, "IR"), Identity.phone("+" + number, "IR")),
            "whatsapp");

    String fromForm =
        resolver.resolve(
            List.of(),
            List.of(
                Identity.email("someone-" + run + "@example.ir"),
                Identity.phone("+" + number, "IR")),
            "web-form");

    assertThat(fromForm).isEqualTo(customer);
    assertThat(recipients.emailOf(customer)).as("the typed address is only a claim").isEmpty();
    assertThat(recipients.of(customer, "whatsapp")).hasValue("+" + number);
  }

  @Test
  void theNewestProvenAddressWinsOverANewerClaim() throws Exception {
    Identity mail = Identity.email("ali-" + run + "@example.ir");
    String customer = resolver.resolve(List.of(mail), "email");
    Thread.sleep(1100); // linked_at and claimed_at have whole seconds

    resolver.resolve(
        List.of(), List.of(mail, Identity.email("x-" + run + "@example.ir")), "web-form");

    assertThat(recipients.emailOf(customer)).hasValue("ali-" + run + "@example.ir");
  }

  @Test
  void anAddressWithAQuoteIsLookedUpSafely() {
    Identity odd = Identity.email("o'hara-" + run + "@example.ir");
    String customer = resolver.resolve(List.of(odd), "email");

    assertThat(recipients.emailOf(customer)).hasValue("o'hara-" + run + "@example.ir");
    assertThat(recipients.emailOf("' OR '1'='1")).isEmpty();
  }
}
