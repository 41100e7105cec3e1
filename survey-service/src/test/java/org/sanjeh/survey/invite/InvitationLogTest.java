package org.sanjeh.survey.invite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvitationLogTest {

  @Test
  void aDecisionIsKnownByItsTicketAndItsTimeToTheSecondAsClickHouseStoresIt() {
    assertThat(InvitationLog.key("T-1", Instant.parse("2026-05-08T11:00:00.750Z")))
        .isEqualTo(InvitationLog.key("T-1", Instant.parse("2026-05-08T11:00:00Z")))
        .isNotEqualTo(InvitationLog.key("T-1", Instant.parse("2026-05-08T11:00:01Z")))
        .isNotEqualTo(InvitationLog.key("T-2", Instant.parse("2026-05-08T11:00:00Z")));
  }
}
