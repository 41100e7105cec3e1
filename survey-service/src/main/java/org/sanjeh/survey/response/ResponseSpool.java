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
import java.util.List;
import java.util.stream.Stream;
import org.sanjeh.core.survey.SurveyKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable local log of answers: {@link #append} returns only once the answer is on disk (fsync),
 * so an acknowledged answer survives a crash and a ClickHouse outage. {@link #drain} hands the
 * logged answers to the warehouse and forgets them only after the warehouse took them; if it fails
 * they stay for the next attempt. Appends go on while a drain runs: the log is rotated into a
 * {@code .draining} file first.
 */
public final class ResponseSpool {

  private static final Logger LOG = LoggerFactory.getLogger(ResponseSpool.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path folder;
  private final Path active;
  private FileChannel channel;
  private long rotations;
  private final Object syncLock = new Object();
  private long written;
  private long synced;

  /** Storage of a batch of answers; throws if it did not store them all. */
  @FunctionalInterface
  public interface Store {
    void store(List<SurveyResponse> responses);
  }

  public ResponseSpool(Path folder) {
    this.folder = folder;
    this.active = folder.resolve("responses.log");
    try {
      Files.createDirectories(folder);
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
    byte[] line = (encode(response) + "\n").getBytes(StandardCharsets.UTF_8);
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
   * Gives every logged answer to {@code store}, oldest first; deletes what it stored.
   *
   * @return how many answers were stored
   * @throws RuntimeException from the store: the answers stay in the spool
   */
  public long drain(Store store) {
    rotate();
    long stored = 0;
    for (Path draining : drainingFiles()) {
      List<SurveyResponse> responses = read(draining);
      if (!responses.isEmpty()) {
        store.store(responses);
        stored += responses.size();
      }
      try {
        Files.delete(draining);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove the drained spool file " + draining, e);
      }
    }
    return stored;
  }

  /** The answers currently in the spool (for a restart's memory of recent answers). */
  public synchronized List<SurveyResponse> contents() {
    List<SurveyResponse> all = new ArrayList<>();
    drainingFiles().forEach(f -> all.addAll(read(f)));
    all.addAll(read(active));
    return all;
  }

  /** Answers not yet drained into the warehouse. */
  public synchronized long pending() {
    return drainingFiles().stream().mapToLong(f -> read(f).size()).sum() + read(active).size();
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

  /** Complete lines only: a line torn by a crash was never acknowledged. */
  private static List<SurveyResponse> read(Path file) {
    List<SurveyResponse> responses = new ArrayList<>();
    try {
      if (!Files.exists(file)) {
        return responses;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length - 1; i++) {
        try {
          responses.add(decode(lines[i]));
        } catch (IOException | RuntimeException e) {
          LOG.warn("skipping unreadable line {} of {}: {}", i + 1, file, e.getMessage());
        }
      }
      if (!lines[lines.length - 1].isEmpty()) {
        LOG.warn(
            "skipping a torn last line in {} (written during a crash, never acknowledged)", file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the response spool file " + file, e);
    }
    return responses;
  }

  private FileChannel open() throws IOException {
    return FileChannel.open(
        active, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
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
