package org.sanjeh.survey;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.sanjeh.survey.link.SurveyLinks;
import org.sanjeh.survey.response.ResponseSpool;
import org.sanjeh.survey.response.ResponseStore;
import org.sanjeh.survey.response.Responses;
import org.sanjeh.warehouse.Warehouse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Wires the links, the answer store and its spool, and moves the spool into ClickHouse every
 * second.
 */
@Configuration(proxyBeanMethods = false)
class SurveyConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  SurveyLinks surveyLinks(SurveyProperties properties, Clock clock) {
    return new SurveyLinks(properties.signingKey().getBytes(StandardCharsets.UTF_8), clock);
  }

  @Bean
  Warehouse warehouse(SurveyProperties properties) {
    return Warehouse.connect(properties.warehouse());
  }

  @Bean
  Responses responses(SurveyProperties properties, Warehouse warehouse, Clock clock) {
    return new Responses(
        new ResponseSpool(properties.spool()),
        new ResponseStore(warehouse),
        properties.editWindow(),
        clock);
  }

  @Bean
  SpoolFlusher spoolFlusher(Responses responses) {
    return new SpoolFlusher(responses);
  }

  /** Every second, spooled answers go to ClickHouse; while it is down they wait in the spool. */
  static final class SpoolFlusher {
    private final Responses responses;

    SpoolFlusher(Responses responses) {
      this.responses = responses;
    }

    @Scheduled(fixedDelay = 1000)
    void flush() {
      try {
        responses.flush();
      } catch (RuntimeException clickHouseDown) {
        org.slf4j.LoggerFactory.getLogger(SpoolFlusher.class)
            .warn("answers stay spooled: {}", clickHouseDown.getMessage());
      }
    }
  }
}
