package org.sanjeh.cli;

import java.util.concurrent.Callable;
import org.sanjeh.core.cli.Commands;
import picocli.CommandLine.Command;

/** {@code ./sanjeh stop}: everything the demo started, services first, then the servers. */
@Command(
    name = "stop",
    description = "Stop everything the demo started.",
    mixinStandardHelpOptions = true)
final class StopCommand implements Callable<Integer> {

  private final Services services;
  private final LocalServers servers;

  StopCommand(Services services, LocalServers servers) {
    this.services = services;
    this.servers = servers;
  }

  @Override
  public Integer call() throws Exception {
    for (String service : new String[] {"viewer", "streaming", "survey", "intake", "loader"}) {
      services.stop(service);
    }
    servers.kafkaStop();
    servers.clickhouseStop();
    return Commands.OK;
  }
}
