package org.sanjeh.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.Priority;
import org.sanjeh.core.event.TicketStatus;

class PolicyFileTest {

  @Test
  void theBundledDefaultIsTheIranPreset() {
    PolicyFile.Loaded loaded = PolicyFile.parse(PolicyFile.defaultText(), "default");

    assertThat(loaded.calendar().zone()).isEqualTo(ZoneId.of("Asia/Tehran"));
    assertThat(loaded.policy().name()).isEqualTo("iran-standard");
    assertThat(loaded.policy().targetsFor(Priority.URGENT, null, Channel.CHAT).firstResponse())
        .isEqualTo(Duration.ofMinutes(30));
    assertThat(loaded.policy().targetsFor(Priority.LOW, null, Channel.EMAIL).firstResponse())
        .isEqualTo(Duration.ofMinutes(240));
    assertThat(loaded.policy().pauses(TicketStatus.PENDING)).isTrue();
  }

  @Test
  void rulesMatchInOrderOnTheirConditions() {
    PolicyFile.Loaded loaded =
        PolicyFile.parse(
            """
            {"name": "p", "calendar": {"timezone": "UTC", "hours": "always"},
             "rules": [{"tiers": ["vip"], "channels": ["whatsapp"], "first_response_minutes": 5},
                       {"first_response_minutes": 60}]}
            """,
            "p.json");

    assertThat(loaded.policy().targetsFor(null, "vip", Channel.WHATSAPP).firstResponse())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(loaded.policy().targetsFor(null, "vip", Channel.EMAIL).firstResponse())
        .isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void everyMistakeIsReportedWithItsPath() {
    assertThatThrownBy(
            () ->
                PolicyFile.parse(
                    """
                    {"calendar": "mars", "at_risk_share": 1.5, "colour": "red",
                     "rules": [{"channels": ["fax"], "first_response_minutes": -5},
                               {"priorities": ["urgent"]}]}
                    """,
                    "bad.json"))
        .isInstanceOf(PolicyFile.InvalidPolicy.class)
        .hasMessageContaining("bad.json is not a valid SLA policy")
        .hasMessageContaining("name: missing")
        .hasMessageContaining("colour: unknown field")
        .hasMessageContaining("calendar: \"mars\" is neither \"iran\" nor a calendar object")
        .hasMessageContaining("at_risk_share: 1.5 is not in (0, 1]")
        .hasMessageContaining("rules[0].channels[0]: \"fax\" is unknown; one of email")
        .hasMessageContaining("rules[0].first_response_minutes: -5 is not a positive whole number")
        .hasMessageContaining("rules[1]: sets no target");
  }

  @Test
  void firstResponseCanStartAtTheHandOffAndAnUnknownStartIsNamed() {
    String policy =
        """
        {"name": "p", "calendar": {"timezone": "UTC", "hours": "always"},
         "first_response_starts": "%s", "pausing_statuses": [],
         "rules": [{"first_response_minutes": 60}]}
        """;
    assertThat(PolicyFile.parse(policy.formatted("hand_off"), "p.json").policy())
        .extracting(p -> p.firstResponseAtHandOff(), p -> p.pauses(null))
        .containsExactly(true, false);
    assertThat(PolicyFile.parse(PolicyFile.defaultText(), "d").policy().firstResponseAtHandOff())
        .isFalse();
    assertThatThrownBy(() -> PolicyFile.parse(policy.formatted("bot"), "p.json"))
        .hasMessageContaining("first_response_starts: \"bot\" is neither");
  }

  @Test
  void brokenJsonNamesTheLineAndColumn() {
    assertThatThrownBy(() -> PolicyFile.parse("{\n  \"name\": \"x\",\n  rules: []}", "p.json"))
        .hasMessageStartingWith("p.json: not valid JSON at line 3, column 3: Unexpected character");
  }

  @Test
  void aMissingPolicyFileIsNamedWithTheFix() {
    assertThatThrownBy(() -> PolicyFile.readText(java.nio.file.Path.of("no/such/policy.json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot read the SLA policy file no/such/policy.json")
        .hasMessageContaining("--policy");
  }
}
