package org.sanjeh.ingestion.adapter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sanjeh.core.event.DecodedLine;
import org.sanjeh.core.event.TicketEventCodec;

/** Files of TicketEvents in their JSON form, one per line (docs/event-contract.md). */
public final class NdjsonAdapter {

  private static final TicketEventCodec CODEC = new TicketEventCodec();

  private NdjsonAdapter() {}

  public static List<ImportItem> read(Path file) throws IOException {
    String name = file.getFileName().toString();
    return CODEC.decodeLines(Files.readAllBytes(file)).stream()
        .map(line -> item(name, line))
        .toList();
  }

  private static ImportItem item(String file, DecodedLine line) {
    return line.result().isValid()
        ? new ImportItem.Event(line.result().event())
        : new ImportItem.Rejected(
            file + " line " + line.line(), line.line(), line.raw(), line.result().describeErrors());
  }
}
