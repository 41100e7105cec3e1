package org.sanjeh.survey.invite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/** What the invitation log already holds, asked of a real ClickHouse with bound ticket ids. */
@ExtendWith(ClickHouseExtension.class)
class InvitationLogIT {

  private static final Instant AT = Instant.parse("2026-05-08T11:00:00Z");

  private final Warehouse warehouse;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  InvitationLogIT(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Test
  void aTicketIdWithQuotesAndBackslashesFindsItsOwnInvitationAndNothingElse() {
    String awkward = "T-" + run + "-it's \\' OR 1=1 --";
    String other = "T-" + run + "-other";
    try (InvitationLog log = new InvitationLog(warehouse)) {
      log.invited(invited(awkward));
      log.invited(invited(other));
      log.flush();

      assertThat(log.recorded(List.of(awkward, awkward)))
          .containsExactly(InvitationLog.key(awkward, AT));
      assertThat(log.recorded(List.of("T-" + run + "-never"))).isEmpty();
    }
  }

  private InvitationLog.Invited invited(String ticketId) {
    return new InvitationLog.Invited(
        "inv-" + UUID.randomUUID(),
        SurveyKind.CSAT,
        ticketId,
        "C-" + run,
        "email",
        "billing",
        "agent-1",
        "en",
        AT,
        AT.plusSeconds(14 * 86_400));
  }
}
