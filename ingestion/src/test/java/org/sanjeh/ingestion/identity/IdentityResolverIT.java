package org.sanjeh.ingestion.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.testbed.ClickHouseServer;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.migrate.Migration;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/** Who is linked to whom, against the real customer directory in ClickHouse. */
@ExtendWith(ClickHouseExtension.class)
class IdentityResolverIT {

  private final Warehouse warehouse;
  private final IdentityResolver resolver;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  IdentityResolverIT(Warehouse warehouse) {
    this.warehouse = warehouse;
    this.resolver = new IdentityResolver(warehouse, Clock.systemUTC());
  }

  @Test
  void anAddressTypedIntoAFormIsAClaimThatNeverLinksAnyone() {
    Identity victimsMail = Identity.email("victim-" + run + "@example.ir");
    String victim = resolver.resolve(List.of(victimsMail), "email");
    Identity strangersPhone = Identity.phone(phone(1), "IR");

    String formCustomer =
        resolver.resolve(List.of(), List.of(victimsMail, strangersPhone), "web-form");
    String strangerOnWhatsapp =
        new IdentityResolver(warehouse, Clock.systemUTC())
            .resolve(
                List.of(Identity.whatsapp(phone(1).substring(1), "IR"), strangersPhone),
                "whatsapp");

    assertThat(formCustomer).as("the form is filed under the proven owner").isEqualTo(victim);
    assertThat(linksOf(victim)).containsExactly(victimsMail.key());
    assertThat(claimsOf(victim)).containsExactly(strangersPhone.key());
    assertThat(strangerOnWhatsapp)
        .as("the stranger's phone, claimed for the victim, does not make them the victim")
        .isNotEqualTo(victim);
  }

  @Test
  void aClaimNeverShadowsALinkOfSomeoneElse() {
    Identity hersMail = Identity.email("her-" + run + "@example.ir");
    Identity hisPhone = Identity.phone(phone(2), "IR");
    String her = resolver.resolve(List.of(hersMail), "email");
    String him = resolver.resolve(List.of(hisPhone), "calls");

    resolver.resolve(List.of(), List.of(hersMail, hisPhone), "web-form");

    assertThat(linksOf(him)).containsExactly(hisPhone.key());
    assertThat(claimsOf(her)).as("his phone is linked to him: no claim").isEmpty();
    assertThat(fresh().resolve(List.of(hisPhone), "calls")).isEqualTo(him);
  }

  @Test
  void aFormFromSomeoneUnknownMakesACustomerWithClaimsOnlyUntilAChannelProvesTheAddress() {
    Identity mail = Identity.email("new-" + run + "@example.ir");

    String fromForm = resolver.resolve(List.of(), List.of(mail), "web-form");
    assertThat(linksOf(fromForm)).isEmpty();
    assertThat(claimsOf(fromForm)).containsExactly(mail.key());

    String fromTheirMail = fresh().resolve(List.of(mail), "email");
    assertThat(fromTheirMail).as("the same derived id: one customer").isEqualTo(fromForm);
    assertThat(linksOf(fromForm)).containsExactly(mail.key());
  }

  @Test
  void addressesWithQuotesAndBackslashesAreBoundNotSpliced() {
    Identity odd = Identity.email("o'hara\\" + run + "@example.ir");

    String customer = resolver.resolve(List.of(odd), "email");

    assertThat(fresh().resolve(List.of(odd), "email")).isEqualTo(customer);
    assertThat(linksOf(customer)).containsExactly(odd.key());
  }

  @Test
  void theCacheIsBoundedAndWhatItForgotIsLookedUpAgain() {
    IdentityResolver small = new IdentityResolver(warehouse, Clock.systemUTC(), 10);
    Identity first = Identity.email("first-" + run + "@example.ir");
    String customer = small.resolve(List.of(first), "email");
    for (int i = 0; i < 50; i++) {
      small.resolve(List.of(Identity.email("other-" + i + "-" + run + "@example.ir")), "email");
    }

    assertThat(small.cached()).isLessThanOrEqualTo(20);
    assertThat(small.resolve(List.of(first, Identity.phone(phone(3), "IR")), "email"))
        .isEqualTo(customer);
  }

  @Test
  void theMigrationTurnsEarlierWebFormLinksIntoClaims(ClickHouseServer server) {
    Warehouse before =
        Warehouse.connect(ClickHouseExtension.config(server, "it_identity_migration_" + run));
    List<Migration> all = Migrations.sanjehSchema();
    new MigrationRunner(before).migrate(all.stream().filter(m -> m.version() < 12).toList());
    before.execute(
        "INSERT INTO customer_identities (identity, kind, customer_id, source, linked_at) VALUES"
            + " ('email:typed@example.ir', 'email', 'C-1', 'web-form', now()),"
            + " ('whatsapp:+989121234567', 'whatsapp', 'C-1', 'whatsapp', now())");

    new MigrationRunner(before).migrate(all);

    assertThat(
            before.query(
                "SELECT identity FROM customer_identities FINAL", List.of(), r -> r.getString(1)))
        .containsExactly("whatsapp:+989121234567");
    assertThat(
            before.query(
                "SELECT identity, customer_id FROM customer_identity_claims FINAL",
                List.of(),
                r -> r.getString(1) + " " + r.getString(2)))
        .containsExactly("email:typed@example.ir C-1");
  }

  private IdentityResolver fresh() {
    return new IdentityResolver(warehouse, Clock.systemUTC());
  }

  /** A phone number of this run, so reruns do not meet old customers. */
  private String phone(int n) {
    return "+98912" + (1_000_000 + Math.abs((run + n).hashCode()) % 8_999_999);
  }

  private List<String> linksOf(String customer) {
    return warehouse.query(
        "SELECT identity FROM customer_identities FINAL WHERE customer_id = ? ORDER BY identity",
        List.of(customer),
        row -> row.getString(1));
  }

  private List<String> claimsOf(String customer) {
    return warehouse.query(
        "SELECT identity FROM customer_identity_claims FINAL WHERE customer_id = ? ORDER BY identity",
        List.of(customer),
        row -> row.getString(1));
  }
}
