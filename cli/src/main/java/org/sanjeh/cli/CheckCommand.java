package org.sanjeh.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.sanjeh.core.cli.Commands;
import picocli.CommandLine.Command;

/**
 * {@code ./sanjeh check security}: the fault and abuse suite of docs/security.md, hostile requests
 * and outages against the real services, each started by its test on free 127.0.0.1 ports (the demo
 * is left alone).
 */
@Command(
    name = "check",
    description = "Checks that run real services.",
    mixinStandardHelpOptions = true,
    subcommands = CheckCommand.Security.class)
final class CheckCommand {

  static final String UNIT_TESTS =
      "RateLimitInterceptorTest,ClientAddressTest,SurveyLinksTest,ResponseSpoolTest,TicketRouterTest";
  static final String INTEGRATION_TESTS =
      "*AbuseIT,*OutageIT,UnprovenAddressesIT,IdentityResolverIT,KafkaRefusalsIT";

  private final Local local;

  CheckCommand(Local local) {
    this.local = local;
  }

  @Command(
      name = "security",
      description =
          "The fault and abuse suite against real services on 127.0.0.1 (docs/security.md).",
      mixinStandardHelpOptions = true)
  static final class Security implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand CheckCommand parent;

    @Override
    public Integer call() throws Exception {
      Local.say(
          "fault and abuse suite (docs/security.md): " + UNIT_TESTS + ", " + INTEGRATION_TESTS);
      int status =
          new ProcessBuilder(
                  List.of(
                      parent.local.checkout.root().resolve("mvnw").toString(),
                      "-B",
                      "-ntp",
                      "verify",
                      "-Dquick",
                      "-pl",
                      "ingestion,survey-service,streaming",
                      "-am",
                      "-Dtest=" + UNIT_TESTS,
                      "-Dit.test=" + INTEGRATION_TESTS,
                      "-Dsurefire.failIfNoSpecifiedTests=false",
                      "-Dfailsafe.failIfNoSpecifiedTests=false"))
              .directory(parent.local.checkout.root().toFile())
              .inheritIO()
              .start()
              .waitFor();
      if (status != 0) {
        throw new IllegalStateException(
            "the fault and abuse suite failed: the failing tests are listed above"
                + " (*/target/*-reports).");
      }
      Local.say("every fault and abuse check held");
      return Commands.OK;
    }
  }
}
