package org.sanjeh.survey.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

  private static MockHttpServletRequest from(String peer, String... forwardedFor) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/s/x");
    request.setRemoteAddr(peer);
    for (String header : forwardedFor) {
      request.addHeader("X-Forwarded-For", header);
    }
    return request;
  }

  @Test
  void forwardedForFromAPeerThatIsNoTrustedProxyIsIgnored() {
    ClientAddress clients = new ClientAddress(List.of("10.0.0.5"));

    assertThat(clients.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    assertThat(new ClientAddress(List.of()).of(from("10.0.0.5", "198.51.100.1")))
        .as("no proxy configured: nobody's header counts")
        .isEqualTo("10.0.0.5");
  }

  @Test
  void behindTrustedProxiesTheNearestUntrustedHopIsTheClient() {
    ClientAddress clients = new ClientAddress(List.of("10.0.0.0/8"));

    assertThat(clients.of(from("10.0.0.5", "198.51.100.1"))).isEqualTo("198.51.100.1");
    assertThat(clients.of(from("10.0.0.5", "6.6.6.6, 198.51.100.1, 10.1.2.3")))
        .as("what the client wrote left of its real address is not believed")
        .isEqualTo("198.51.100.1");
    assertThat(clients.of(from("10.0.0.5", "6.6.6.6", "198.51.100.1"))).isEqualTo("198.51.100.1");
    assertThat(clients.of(from("10.0.0.5", "not-an-address, 10.1.1.1")))
        .as("a garbled hop stops the walk at the last proxy")
        .isEqualTo("10.1.1.1");
    assertThat(clients.of(from("10.0.0.5"))).isEqualTo("10.0.0.5");
  }

  @Test
  void anIpv6ClientIsCountedByItsSlash64() {
    ClientAddress clients = new ClientAddress(List.of());

    assertThat(clients.of(from("2001:db8:1:2:aaaa::1")))
        .isEqualTo(clients.of(from("2001:db8:1:2:bbbb::9")))
        .isNotEqualTo(clients.of(from("2001:db8:1:3::1")));
  }

  @Test
  void aTrustedProxyThatIsNoAddressIsRefusedAtStartWithTheEntry() {
    assertThatThrownBy(() -> new ClientAddress(List.of("proxy.example")))
        .hasMessageContaining("'proxy.example'")
        .hasMessageContaining("trusted-proxies");
    assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33")))
        .hasMessageContaining("10.0.0.0/33");
  }
}
