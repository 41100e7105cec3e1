package org.sanjeh.ingestion.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentityTest {

  @Test
  void phoneNumbersWrittenAnyWayBecomeTheSameE164Key() {
    assertThat(Identity.phone("۰۹۱۲ ۱۲۳ ۴۵۶۷", "IR").key()).isEqualTo("phone:+989121234567");
    assertThat(Identity.phone("٠٩١٢-١٢٣-٤٥٦٧", "IR").key()).isEqualTo("phone:+989121234567");
    assertThat(Identity.phone("+98 (912) 123-4567", "DE").key()).isEqualTo("phone:+989121234567");
    assertThat(Identity.phone("00989121234567", "IR").key()).isEqualTo("phone:+989121234567");
    assertThat(Identity.whatsapp("989121234567", "IR").key()).isEqualTo("whatsapp:+989121234567");
  }

  @Test
  void impossibleNumbersAreRefusedWithTheFix() {
    assertThatThrownBy(() -> Identity.phone("12", "IR"))
        .hasMessageContaining("(2 digits) is not a possible number")
        .message()
        .doesNotContain("'12'");
    assertThatThrownBy(() -> Identity.phone("call me", "IR"))
        .hasMessageContaining("with its country code");
  }

  @Test
  void aBadAddressIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> Identity.email("ali.rezaei at example.ir"))
        .hasMessageContaining("expected name@domain.tld")
        .message()
        .doesNotContain("rezaei");
  }

  @Test
  void emailAddressesAreTrimmedAndLowerCased() {
    assertThat(Identity.email("  Ali.Rezaei@Example.IR ").key())
        .isEqualTo("email:ali.rezaei@example.ir");
    assertThat(Identity.email("Ali <ali@example.ir>").value()).isEqualTo("ali@example.ir");
    assertThatThrownBy(() -> Identity.email("not-an-address"))
        .hasMessageContaining("the e-mail address is not valid");
  }
}
