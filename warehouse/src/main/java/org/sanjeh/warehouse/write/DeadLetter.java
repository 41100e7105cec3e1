package org.sanjeh.warehouse.write;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.sanjeh.warehouse.RowBinaryOut;

/**
 * Input that was refused, kept as received with the reason.
 *
 * @param source where it came from (an API source, a file name, a topic)
 * @param line 1-based line within a batch or file, 0 when not applicable
 * @param payload the bytes exactly as received
 * @param reason every problem found, e.g. {@code channel="fax": unknown value; …}
 */
public record DeadLetter(
    Instant receivedAt, String source, int line, byte[] payload, String reason) {

  public static final BatchedWriter.Table<DeadLetter> TABLE =
      new BatchedWriter.Table<>() {
        @Override
        public String name() {
          return "dead_letters";
        }

        @Override
        public List<String> columns() {
          return List.of("received_at", "received_at_ms", "source", "line", "reason", "payload");
        }

        @Override
        public void write(DeadLetter letter, RowBinaryOut out) throws IOException {
          out.dateTime(letter.receivedAt());
          out.millisOf(letter.receivedAt());
          out.string(letter.source());
          out.uint32(letter.line());
          out.string(letter.reason());
          out.bytes(letter.payload());
        }
      };
}
