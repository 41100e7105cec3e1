package org.sanjeh.ingestion.intake;

import java.time.Clock;
import org.sanjeh.ingestion.kafka.EventPublisher;
import org.sanjeh.ingestion.kafka.Topics;
import org.sanjeh.web.ApiKeyInterceptor;
import org.sanjeh.web.ApiKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the Kafka publisher, the topics and the API-key check. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration implements WebMvcConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(IntakeConfiguration.class);

  private final IntakeProperties properties;
  private final ApiKeys apiKeys;

  IntakeConfiguration(IntakeProperties properties) {
    this.properties = properties;
    this.apiKeys = new ApiKeys(properties.apiKeys(), "sanjeh.intake.api-keys");
    if (apiKeys.isEmpty()) {
      LOG.warn("no API keys configured (sanjeh.intake.api-keys): every /v1 request will get 401");
    }
  }

  @Bean(destroyMethod = "close")
  EventPublisher eventPublisher() {
    Topics.ensure(properties.kafkaBootstrapServers(), properties.kafkaTopicPartitions());
    return new EventPublisher(properties.kafkaBootstrapServers(), properties.kafkaAckTimeout());
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    // WhatsApp and Telegram cannot send our key: their webhooks carry their own signatures.
    registry
        .addInterceptor(new ApiKeyInterceptor(apiKeys, IntakeProblem::unauthorized))
        .addPathPatterns("/v1/**")
        .excludePathPatterns("/v1/channels/whatsapp", "/v1/channels/telegram");
  }
}
