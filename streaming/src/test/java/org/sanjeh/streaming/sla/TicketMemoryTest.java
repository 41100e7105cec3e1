package org.sanjeh.streaming.sla;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sanjeh.streaming.metrics.Dimensions;

class TicketMemoryTest {

  @Test
  void aBacklogPositionRestoredFromOlderStateIsTakenOverOnceWithItsDimensions() {
    TicketMemory restored = new TicketMemory();
    restored.open = true;
    restored.openChannel = "chat";
    restored.openTeam = "support";
    restored.openPriority = "high";
    restored.openAgent = "agent-1";

    assertThat(restored.backlogPosition())
        .isEqualTo(Dimensions.of("chat", "support", "high", "agent-1"));
    assertThat(restored.open).isFalse();
    assertThat(restored.openChannel).isNull();
    assertThat(restored.backlogPosition()).isEqualTo(restored.openIn);
  }

  @Test
  void aTicketThatWasNotInTheBacklogStaysOut() {
    assertThat(new TicketMemory().backlogPosition()).isNull();
  }

  @Test
  void theNewPositionWinsOverLeftoversOfTheOldFields() {
    TicketMemory memory = new TicketMemory();
    memory.openIn = Dimensions.of("email", "billing", "", "");
    memory.open = true;
    memory.openTeam = "support";

    assertThat(memory.backlogPosition()).isEqualTo(Dimensions.of("email", "billing", "", ""));
  }
}
