package org.sanjeh.survey.invite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.WireValue;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.survey.disk.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invitations the sender has not accepted yet, on disk so that a restart does not lose them (the
 * resolutions they came from may be committed on Kafka already): one JSON file per invitation,
 * written to a temporary file, fsynced and renamed into place with the folder synced, deleted once
 * the message went out or was found undeliverable.
 */
final class UnsentInvitations {

  private static final Logger LOG = LoggerFactory.getLogger(UnsentInvitations.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path folder;

  UnsentInvitations(Path folder) {
    this.folder = folder;
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the folder for unsent invitations " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Everything kept by an earlier run, oldest file first. */
  List<InvitationService.Outgoing> load() {
    List<InvitationService.Outgoing> kept = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        try {
          kept.add(read(JSON.readTree(file.toFile())));
        } catch (IOException | RuntimeException e) {
          // kept as it is for a person to look at: never deleted, never guessed
          LOG.error(
              "unsent invitation {} cannot be read ({}); left in place", file, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
    return kept;
  }

  /** Stores the invitation durably; returns once it is on disk. */
  void keep(InvitationService.Outgoing outgoing) {
    Path target = file(outgoing.message().invitationId());
    if (Files.exists(target)) {
      return;
    }
    try {
      DurableFiles.writeAtomically(target, JSON.writeValueAsBytes(write(outgoing)));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot keep unsent invitation in " + folder + ": " + e.getMessage(), e);
    }
  }

  void remove(String invitationId) {
    try {
      DurableFiles.delete(file(invitationId));
    } catch (IOException e) {
      LOG.warn(
          "cannot delete the sent invitation's file {}: {}", file(invitationId), e.getMessage());
    }
  }

  private Path file(String invitationId) {
    return folder.resolve(invitationId.replaceAll("[^A-Za-z0-9_-]", "_") + ".json");
  }

  private static ObjectNode write(InvitationService.Outgoing outgoing) {
    Sender.Message m = outgoing.message();
    InvitationLog.Invited r = outgoing.record();
    ObjectNode node = JSON.createObjectNode();
    node.put("invitation_id", m.invitationId());
    node.put("customer_id", m.customerId());
    node.put("channel", m.channel().wire());
    node.put("kind", m.kind().name());
    node.put("language", m.language());
    node.put("link", m.link());
    ObjectNode oneClick = node.putObject("one_click");
    m.oneClick().forEach((score, url) -> oneClick.put(Integer.toString(score), url));
    node.put("ticket_id", r.ticketId());
    node.put("team", r.team());
    node.put("agent_id", r.agentId());
    node.put("invited_at", r.invitedAt().toString());
    node.put("expires_at", r.expiresAt().toString());
    return node;
  }

  private static InvitationService.Outgoing read(JsonNode node) {
    String id = node.get("invitation_id").asText();
    String customer = node.get("customer_id").asText();
    Channel channel = WireValue.parse(Channel.class, node.get("channel").asText()).orElseThrow();
    SurveyKind kind = SurveyKind.valueOf(node.get("kind").asText());
    String language = node.get("language").asText();
    Map<Integer, String> oneClick = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.get("one_click").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      oneClick.put(Integer.parseInt(entry.getKey()), entry.getValue().asText());
    }
    Sender.Message message =
        new Sender.Message(
            id, customer, channel, kind, language, node.get("link").asText(), oneClick);
    InvitationLog.Invited record =
        new InvitationLog.Invited(
            id,
            kind,
            node.get("ticket_id").asText(),
            customer,
            channel.wire(),
            node.get("team").asText(),
            node.get("agent_id").asText(),
            language,
            Instant.parse(node.get("invited_at").asText()),
            Instant.parse(node.get("expires_at").asText()));
    return new InvitationService.Outgoing(message, record);
  }
}
