package org.sanjeh.ingestion.intake;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} is down when Kafka does not answer within two seconds. */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator {

  private final IntakeProperties properties;

  KafkaHealthIndicator(IntakeProperties properties) {
    super("Kafka health check failed");
    this.properties = properties;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000))) {
      int nodes = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
      builder
          .up()
          .withDetail("bootstrapServers", properties.kafkaBootstrapServers())
          .withDetail("nodes", nodes);
    }
  }
}
