package org.sanjeh.survey.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.survey.disk.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable local log of answers: {@link #append} returns only once the answer is on disk (fsync),
 * so an acknowledged answer survives a crash and a ClickHouse outage. {@link #drain} hands the
 * logged answers to the warehouse and forgets them only after the warehouse took them; if it fails
 * they stay for the next attempt. Appends go on while a drain runs: the log is rotated into a
 * {@code .draining} file first.
 *
 * <p>One record per line: the CRC32C of the JSON in 8 hex digits, a space, the JSON. Lines of the
 * earlier format (the JSON alone) are still read. On open, a torn last line (a crash during an
 * append, never acknowledged) is cut off, so the next answer starts on a line of its own. A record
 * that cannot be read (checksum mismatch, not JSON) is moved to {@code quarantine.log} with the
 * reason before its file is deleted: never stored as a wrong answer, never silently dropped.
 */
public final class ResponseSpool {

  private static final Logger LOG = LoggerFactory.getLogger(ResponseSpool.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();
  private static final int CHECKSUM_DIGITS = 8;
  static final String QUARANTINE = "quarantine.log";
  private static final String MOVED = "response spool: line {} of {} moved to {}: {}";
  private static final String GLUED_RECORD_START = "{\"invitation_id\":";

  private final Path folder;
  private final Path active;
  private final Path quarantine;
  private FileChannel channel;
  private long rotations;
  private final Object syncLock = new Object();
  // One drain at a time: two would both read a .draining file and one would fail deleting it.
  // Not `this`, so appends go on while a slow store runs.
  private final Object drainLock = new Object();
  private long written;
  private long synced;

  /** Storage of a batch of answers; throws if it did not store them all. */
  @FunctionalInterface
  public interface Store {
    void store(List<SurveyResponse> responses);
  }

  /** A line that is not a readable answer, and why. */
  record Unreadable(int line, String reason, byte[] bytes) {}

  /** A spool file's answers and the lines that could not be read. */
  record Contents(List<SurveyResponse> responses, List<Unreadable> unreadable) {}

  public ResponseSpool(Path folder) {
    this.folder = folder;
    this.active = folder.resolve("responses.log");
    this.quarantine = folder.resolve(QUARANTINE);
    try {
      Files.createDirectories(folder);
      cutTornTail();
      this.channel = open();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the response spool in " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * Appends and fsyncs one answer; once this returns the answer may be acknowledged. Concurrent
   * appends share their fsync (group commit): the first caller to sync covers everything written
   * before it, so callers wait for one disk flush, not for a queue of them.
   */
  public void append(SurveyResponse response) {
    byte[] line = record(response);
    long mine;
    synchronized (this) {
      try {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot write the answer to the response spool " + active + ": " + e.getMessage(), e);
      }
      mine = ++written;
    }
    synchronized (syncLock) {
      if (synced >= mine) {
        return; // another caller's fsync already covered this line
      }
      long upTo;
      FileChannel current;
      synchronized (this) {
        upTo = written;
        current = channel;
      }
      try {
        current.force(false);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot sync the response spool " + active + ": " + e.getMessage(), e);
      }
      synced = upTo;
    }
  }

  /**
   * Gives every logged answer to {@code store}, oldest first; deletes what it stored, after moving
   * unreadable records to the quarantine file.
   *
   * @return how many answers were stored
   * @throws RuntimeException from the store: the answers stay in the spool
   */
  public long drain(Store store) {
    synchronized (drainLock) {
      return drainAlone(store);
    }
  }

  private long drainAlone(Store store) {
    rotate();
    long stored = 0;
    for (Path draining : drainingFiles()) {
      Contents contents = read(draining);
      if (!contents.responses().isEmpty()) {
        store.store(contents.responses());
        stored += contents.responses().size();
      }
      try {
        quarantine(draining, contents.unreadable());
        DurableFiles.delete(draining);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot remove the drained spool file " + draining + ": " + e.getMessage(), e);
      }
    }
    return stored;
  }

  /** The answers currently in the spool (for a restart's memory of recent answers). */
  public synchronized List<SurveyResponse> contents() {
    List<SurveyResponse> all = new ArrayList<>();
    drainingFiles().forEach(f -> all.addAll(read(f).responses()));
    all.addAll(read(active).responses());
    return all;
  }

  /** Answers not yet drained into the warehouse. */
  public synchronized long pending() {
    return drainingFiles().stream().mapToLong(f -> read(f).responses().size()).sum()
        + read(active).responses().size();
  }

  private void rotate() {
    synchronized (syncLock) {
      synchronized (this) {
        rotateLocked();
      }
    }
  }

  private void rotateLocked() {
    try {
      if (Files.size(active) == 0) {
        return;
      }
      channel.force(false);
      synced = written;
      channel.close();
      Path draining =
          folder.resolve(
              "responses-%d-%d.draining".formatted(System.currentTimeMillis(), rotations++));
      Files.move(active, draining, StandardCopyOption.ATOMIC_MOVE);
      channel = open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rotate the response spool in " + folder, e);
    }
  }

  private List<Path> drainingFiles() {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".draining")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A crash during an append leaves a line without its end. It was never acknowledged; left in
   * place, the next append would be glued to it and the acknowledged answer lost with it. Cut it
   * off (into the quarantine file, for the record).
   */
  private void cutTornTail() throws IOException {
    if (!Files.exists(active)) {
      return;
    }
    try (FileChannel file = FileChannel.open(active, StandardOpenOption.WRITE)) {
      long size = file.size();
      long end = endOfLastFullLine(size);
      if (end == size) {
        return;
      }
      byte[] torn = new byte[(int) Math.min(size - end, 1 << 20)];
      try (FileChannel reader = FileChannel.open(active, StandardOpenOption.READ)) {
        reader.read(ByteBuffer.wrap(torn), end);
      }
      int line = countLines(end) + 1;
      quarantine(
          active,
          List.of(
              new Unreadable(
                  line, "torn last line (a crash during its append; never acknowledged)", torn)));
      file.truncate(end);
      file.force(true);
    }
  }

  /** The length of the file up to and including its last newline. */
  private long endOfLastFullLine(long size) throws IOException {
    try (FileChannel reader = FileChannel.open(active, StandardOpenOption.READ)) {
      ByteBuffer block = ByteBuffer.allocate(64 * 1024);
      long blockEnd = size;
      while (blockEnd > 0) {
        long blockStart = Math.max(0, blockEnd - block.capacity());
        block.clear().limit((int) (blockEnd - blockStart));
        while (block.hasRemaining()) {
          if (reader.read(block, blockStart + block.position()) < 0) {
            break;
          }
        }
        for (int i = block.position() - 1; i >= 0; i--) {
          if (block.get(i) == '\n') {
            return blockStart + i + 1;
          }
        }
        blockEnd = blockStart;
      }
      return 0;
    }
  }

  private int countLines(long upTo) throws IOException {
    byte[] bytes = Files.readAllBytes(active);
    int lines = 0;
    for (int i = 0; i < upTo; i++) {
      lines += bytes[i] == '\n' ? 1 : 0;
    }
    return lines;
  }

  /** Appends the unreadable records to the quarantine file, synced; logs where, never what. */
  private void quarantine(Path source, List<Unreadable> unreadable) throws IOException {
    if (unreadable.isEmpty()) {
      return;
    }
    StringBuilder lines = new StringBuilder();
    for (Unreadable u : unreadable) {
      ObjectNode node = JSON.createObjectNode();
      node.put("quarantined_at", Instant.now().toString());
      node.put("file", source.getFileName().toString());
      node.put("line", u.line());
      node.put("reason", u.reason());
      node.put("record", new String(u.bytes(), StandardCharsets.UTF_8));
      lines.append(node).append('\n');
      // A torn line is what a crash leaves; anything else means the disk or a writer is wrong.
      if (u.reason().startsWith("torn")) {
        LOG.warn(MOVED, u.line(), source.getFileName(), quarantine, u.reason());
      } else {
        LOG.error(MOVED, u.line(), source.getFileName(), quarantine, u.reason());
      }
    }
    boolean created = !Files.exists(quarantine);
    try (FileChannel out =
        FileChannel.open(
            quarantine,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    }
    if (created) {
      DurableFiles.syncDirectory(folder);
    }
  }

  /** Complete lines only: a torn last line was never acknowledged and is reported unreadable. */
  static Contents read(Path file) {
    List<SurveyResponse> responses = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    byte[] bytes;
    try {
      if (!Files.exists(file)) {
        return new Contents(responses, unreadable);
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the response spool file " + file, e);
    }
    int start = 0;
    int line = 1;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        if (i > start) {
          parse(Arrays.copyOfRange(bytes, start, i), line, responses, unreadable);
        }
        start = i + 1;
        line++;
      }
    }
    if (start < bytes.length) {
      unreadable.add(
          new Unreadable(
              line,
              "torn last line (a crash during its append; never acknowledged)",
              Arrays.copyOfRange(bytes, start, bytes.length)));
    }
    return new Contents(responses, unreadable);
  }

  private static void parse(
      byte[] line, int number, List<SurveyResponse> responses, List<Unreadable> unreadable) {
    String problem;
    byte[] json = line;
    if (line[0] == '{') {
      problem = null; // the earlier format: no checksum
    } else if (line.length > CHECKSUM_DIGITS + 1 && line[CHECKSUM_DIGITS] == ' ') {
      json = Arrays.copyOfRange(line, CHECKSUM_DIGITS + 1, line.length);
      String expected = new String(line, 0, CHECKSUM_DIGITS, StandardCharsets.US_ASCII);
      problem =
          expected.equals(checksum(json))
              ? null
              : "checksum mismatch (written " + expected + ", read " + checksum(json) + ")";
    } else {
      problem = "not a spool record (no checksum, not JSON)";
    }
    if (problem == null) {
      try {
        responses.add(decode(new String(json, StandardCharsets.UTF_8)));
        return;
      } catch (IOException | RuntimeException e) {
        // the exception's message can quote the record: only its kind goes into the reason
        problem = "not a readable answer (" + e.getClass().getSimpleName() + ")";
      }
    }
    if (line[0] == '{' && salvageGlued(line, number, responses, unreadable)) {
      return;
    }
    unreadable.add(new Unreadable(number, problem, line));
  }

  /**
   * The earlier version appended after a torn last line, gluing the next, acknowledged answer to
   * it: {@code {"invitation_id":"to{"invitation_id":…}}. Such a line in a spool it left behind
   * still gives the acknowledged answer; the torn start goes to the quarantine.
   */
  private static boolean salvageGlued(
      byte[] line, int number, List<SurveyResponse> responses, List<Unreadable> unreadable) {
    String text = new String(line, StandardCharsets.UTF_8);
    int glued = text.lastIndexOf(GLUED_RECORD_START);
    if (glued <= 0) {
      return false;
    }
    try {
      responses.add(decode(text.substring(glued)));
    } catch (IOException | RuntimeException e) {
      return false;
    }
    unreadable.add(
        new Unreadable(
            number,
            "torn line of the earlier format, glued to the next answer (that answer was kept)",
            text.substring(0, glued).getBytes(StandardCharsets.UTF_8)));
    return true;
  }

  private FileChannel open() throws IOException {
    boolean created = !Files.exists(active);
    FileChannel opened =
        FileChannel.open(
            active, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    if (created) {
      DurableFiles.syncDirectory(folder); // the new name must survive a power cut too
    }
    return opened;
  }

  /** One spool line: checksum, space, JSON, newline. */
  static byte[] record(SurveyResponse response) {
    byte[] json = encode(response).getBytes(StandardCharsets.UTF_8);
    byte[] line = new byte[CHECKSUM_DIGITS + 1 + json.length + 1];
    System.arraycopy(
        checksum(json).getBytes(StandardCharsets.US_ASCII), 0, line, 0, CHECKSUM_DIGITS);
    line[CHECKSUM_DIGITS] = ' ';
    System.arraycopy(json, 0, line, CHECKSUM_DIGITS + 1, json.length);
    line[line.length - 1] = '\n';
    return line;
  }

  private static String checksum(byte[] json) {
    CRC32C crc = new CRC32C();
    crc.update(json);
    return HEX.toHexDigits((int) crc.getValue());
  }

  static String encode(SurveyResponse r) {
    ObjectNode node = JSON.createObjectNode();
    node.put("invitation_id", r.invitationId());
    node.put("kind", r.kind().name());
    node.put("score", r.score());
    node.put("comment", r.comment());
    node.putPOJO("reasons", r.reasons());
    node.put("first_answered_at", r.firstAnsweredAt().toString());
    node.put("answered_at", r.answeredAt().toString());
    return node.toString();
  }

  static SurveyResponse decode(String line) throws IOException {
    JsonNode node = JSON.readTree(line);
    List<String> reasons = new ArrayList<>();
    node.path("reasons").forEach(reason -> reasons.add(reason.asText()));
    return new SurveyResponse(
        node.get("invitation_id").asText(),
        SurveyKind.valueOf(node.get("kind").asText()),
        node.get("score").asInt(),
        node.get("comment").asText(),
        reasons,
        Instant.parse(node.get("first_answered_at").asText()),
        Instant.parse(node.get("answered_at").asText()));
  }
}
