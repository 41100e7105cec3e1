package org.sanjeh.ingestion.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.ingestion.kafka.EventPublisher;
import org.sanjeh.ingestion.kafka.TestKafka;
import org.sanjeh.ingestion.kafka.Topics;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import picocli.CommandLine;

/** E-mail and call-log imports with the real broker and the customer directory in ClickHouse. */
@ExtendWith(ClickHouseExtension.class)
class ImportCommandIT {

  @TempDir Path dir;

  @Test
  void aMailAndTheTeamsReplyBecomeOneTicketAndTheCustomerIsInTheDirectory(Warehouse warehouse)
      throws Exception {
    Path mails = Files.createDirectories(dir.resolve("mails"));
    for (String name : List.of("persian-multipart.eml", "team-reply-latin1.eml")) {
      Files.copy(Path.of(getClass().getResource("/import/" + name).toURI()), mails.resolve(name));
    }
    String source = "import-it-" + System.nanoTime();

    int mailStatus =
        command(
            warehouse,
            mails.toString(),
            "--format",
            "email",
            "--team",
            "support@shop.ir",
            "--source",
            source);
    List<TicketEvent> events = events(source, 2);

    assertThat(mailStatus).isZero();
    assertThat(events)
        .extracting(e -> e.type().wire())
        .containsExactly("ticket_created", "agent_reply");
    assertThat(events).extracting(TicketEvent::ticketId).containsOnly(events.get(0).ticketId());
    assertThat(
            warehouse.queryLong(
                "SELECT count() FROM customer_identities FINAL WHERE identity = 'email:ali.rezaei@example.ir'"))
        .isEqualTo(1);
  }

  @Test
  void aCallLogImportedTwiceGivesTheSameEvents(Warehouse warehouse) throws Exception {
    Path calls =
        Files.writeString(
            dir.resolve("calls.csv"),
            "call_id,start,end,direction,customer_number,agent,outcome,wait_seconds\n"
                + "c-"
                + System.nanoTime()
                + ",2024-05-08T18:00:00+03:30,2024-05-08T18:07:00+03:30,inbound,0912 555 0101,reza,resolved,30\n");
    String first = "calls-a-" + System.nanoTime();
    String second = "calls-b-" + System.nanoTime();

    command(warehouse, calls.toString(), "--format", "calls", "--source", first);
    command(warehouse, calls.toString(), "--format", "calls", "--source", second);

    List<TicketEvent> once = events(first, 3);
    assertThat(once)
        .extracting(e -> e.type().wire())
        .containsExactly("ticket_created", "agent_reply", "resolved");
    assertThat(events(second, 3))
        .as("same ids, same tickets: downstream collapses them")
        .isEqualTo(once);
    assertThat(
            warehouse.queryLong(
                "SELECT count() FROM customer_identities FINAL WHERE identity = 'phone:+989125550101'"))
        .isEqualTo(1);
  }

  private static int command(Warehouse warehouse, String... args) {
    String[] withKafka = java.util.Arrays.copyOf(args, args.length + 2);
    withKafka[args.length] = "--bootstrap-servers";
    withKafka[args.length + 1] = TestKafka.shared().bootstrapServers();
    return new CommandLine(new ImportCommand(warehouse.config(), System.out)).execute(withKafka);
  }

  private static List<TicketEvent> events(String source, int expected) {
    TicketEventCodec codec = new TicketEventCodec();
    return TestKafka.read(
            TestKafka.shared().bootstrapServers(),
            Topics.TICKET_EVENTS,
            expected,
            r -> source.equals(TestKafka.header(r, EventPublisher.HEADER_SOURCE)))
        .stream()
        .map(ConsumerRecord::value)
        .map(bytes -> codec.decode(bytes).orThrow())
        .toList();
  }
}
