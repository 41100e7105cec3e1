package org.sanjeh.ingestion.channels;

import java.time.Clock;
import org.sanjeh.ingestion.conversation.Conversations;
import org.sanjeh.ingestion.conversation.TicketRouter;
import org.sanjeh.ingestion.conversation.WarehouseHistory;
import org.sanjeh.ingestion.identity.IdentityResolver;
import org.sanjeh.warehouse.Warehouse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The customer directory and ticket routing behind the channel webhooks. Lazy: the intake of
 * ready-made events ({@code /v1/events}) works without ClickHouse; only channels need it.
 */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

  @Bean
  @Lazy
  Conversations conversations(
      WarehouseProperties warehouse, ChannelProperties channels, Clock clock) {
    Warehouse directory = Warehouse.connect(warehouse.config());
    IdentityResolver resolver =
        new IdentityResolver(directory, clock, channels.identityCacheSize());
    return new Conversations(
        (message, source) -> resolver.resolve(message.customer(), message.claimed(), source),
        new TicketRouter(
            channels.joinWindow(), new WarehouseHistory(directory), channels.routerMemory()));
  }
}
