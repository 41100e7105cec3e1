package org.sanjeh.ingestion.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class PublishFailureTest {

  @Test
  void aBrokerThatIsDownOrShortOfReplicasIsWorthARetry() {
    assertThat(PublishFailure.of(new ExecutionException(new TimeoutException("no broker"))))
        .isEqualTo(PublishFailure.TRANSIENT);
    assertThat(PublishFailure.of(new ExecutionException(new NotEnoughReplicasException("isr"))))
        .isEqualTo(PublishFailure.TRANSIENT);
  }

  @Test
  void aRecordTooLargeOrUnserializableOrForbiddenIsNot() {
    assertThat(PublishFailure.of(new ExecutionException(new RecordTooLargeException("big"))))
        .isEqualTo(PublishFailure.TOO_LARGE);
    assertThat(PublishFailure.of(new SerializationException("bad")))
        .isEqualTo(PublishFailure.PERMANENT);
    assertThat(
            PublishFailure.of(
                new ExecutionException(new TopicAuthorizationException("ticket-events"))))
        .isEqualTo(PublishFailure.PERMANENT);
  }
}
