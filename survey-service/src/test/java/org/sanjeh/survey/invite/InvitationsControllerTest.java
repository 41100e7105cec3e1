package org.sanjeh.survey.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.survey.SurveyProperties;
import org.sanjeh.survey.link.SurveyLinks;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.WarehouseException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class InvitationsControllerTest {

  private static final String KEY = "a signing key of at least thirty-two characters";

  @Test
  void whileTheInvitationLogIsFullANewInvitationIsRefusedWithRetryAfterNotLost() throws Exception {
    // No ClickHouse listens on this port: every flush fails, so the one-row log fills up.
    InvitationLog log = new InvitationLog(Warehouse.lazy(unreachableWarehouse()), /* capacity */ 1);
    try {
      InvitationsController controller =
          new InvitationsController(
              new SurveyLinks(KEY.getBytes(StandardCharsets.UTF_8), Clock.systemUTC()),
              properties(),
              Clock.systemUTC(),
              log);

      InvitationsController.Invited first = controller.invite(request("T-1"));
      assertThat(first.link()).contains("/s/");
      assertThat(log.hasRoom()).isFalse();

      ErrorResponseException refusal =
          catchThrowableOfType(
              ErrorResponseException.class, () -> controller.invite(request("T-2")));
      assertThat(refusal.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      assertThat(refusal.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
          .isEqualTo(String.valueOf(InvitationsController.RETRY_AFTER_SECONDS));
      assertThat(refusal.getBody().getDetail()).contains("retry");
    } finally {
      // Closing cannot flush the first invitation either, and says so rather than dropping it.
      assertThatThrownBy(log::close).isInstanceOf(WarehouseException.class);
    }
  }

  private static InvitationsController.NewInvitation request(String ticket) {
    return new InvitationsController.NewInvitation(
        ticket, "customer-1", SurveyKind.CSAT, "email", "billing", "agent-1", "en");
  }

  private static SurveyProperties properties() {
    return new Binder(new MapConfigurationPropertySource(Map.of("sanjeh.survey.signing-key", KEY)))
        .bind("sanjeh.survey", SurveyProperties.class)
        .get();
  }

  private static WarehouseConfig unreachableWarehouse() throws IOException {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    return new WarehouseConfig("127.0.0.1", freePort, "sanjeh", "default", "");
  }
}
