package org.sanjeh.ingestion.kafka;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Why a send was not acknowledged, as the client should hear it: a broker that is down or slow
 * (retry later: 503), a record the broker will never take because of its size (413), or a refusal
 * that sending again cannot fix (serialization, authorization, a closed producer: 500).
 */
public enum PublishFailure {
  TRANSIENT,
  TOO_LARGE,
  PERMANENT;

  public static PublishFailure of(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof ExecutionException || cause instanceof CompletionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException) {
      return TOO_LARGE;
    }
    if (cause instanceof RetriableException
        || cause instanceof java.util.concurrent.TimeoutException
        || cause instanceof InterruptedException) {
      return TRANSIENT;
    }
    return PERMANENT;
  }
}
