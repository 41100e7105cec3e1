package org.sanjeh.ingestion.channels;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.ingestion.adapter.TelegramAdapter;
import org.sanjeh.ingestion.adapter.WebhookSignatures;
import org.sanjeh.ingestion.adapter.WebhookSignatures.SignedBody;
import org.sanjeh.ingestion.adapter.WhatsAppAdapter;
import org.sanjeh.ingestion.conversation.Conversations;
import org.sanjeh.ingestion.conversation.InboundMessage;
import org.sanjeh.ingestion.identity.Identity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Channel webhooks and forms: {@code /v1/channels/whatsapp} (signed by WhatsApp), {@code
 * /v1/channels/telegram} (secret token), {@code /v1/channels/web-form} and {@code
 * /v1/channels/in-person} (API key, like {@code /v1/events}). Each message finds its customer and
 * ticket and goes to Kafka as an event; the answer lists the events.
 */
@RestController
@RequestMapping("/v1/channels")
class ChannelsController {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChannelIntake intake;
  private final ChannelProperties properties;
  private final ObjectProvider<Conversations> conversations;

  ChannelsController(
      ChannelIntake intake,
      ChannelProperties properties,
      ObjectProvider<Conversations> conversations) {
    this.intake = intake;
    this.properties = properties;
    this.conversations = conversations;
  }

  /** WhatsApp's subscription check: echo the challenge when the verify token matches. */
  @GetMapping(value = "/whatsapp", produces = MediaType.TEXT_PLAIN_VALUE)
  String verifyWhatsapp(
      @RequestParam("hub.mode") String mode,
      @RequestParam("hub.verify_token") String token,
      @RequestParam("hub.challenge") String challenge) {
    if (!"subscribe".equals(mode)
        || !WebhookSignatures.telegramValid(token, properties.whatsappVerifyToken())) {
      throw ChannelProblem.badSignature("WhatsApp", "verify token");
    }
    return challenge;
  }

  @PostMapping("/whatsapp")
  Map<String, Object> whatsapp(
      HttpServletRequest request,
      @RequestHeader(value = "X-Hub-Signature-256", required = false) String signature)
      throws IOException {
    String secret = properties.whatsappAppSecret();
    if (!WebhookSignatures.whatsappSignaturePresent(signature, secret)) {
      throw ChannelProblem.badSignature("WhatsApp", "X-Hub-Signature-256"); // body never read
    }
    SignedBody signed = WebhookSignatures.readSigned(request.getInputStream(), secret);
    if (!WebhookSignatures.whatsappMatches(signature, signed.hmac())) {
      throw ChannelProblem.badSignature("WhatsApp", "X-Hub-Signature-256");
    }
    byte[] body = signed.body();
    List<InboundMessage> messages;
    try {
      messages = WhatsAppAdapter.read(body, properties.defaultRegion());
    } catch (IOException | IllegalArgumentException e) {
      intake.deadLetter(body, "whatsapp", reason(e));
      throw ChannelProblem.unreadable("WhatsApp", reason(e));
    }
    return answer(intake.accept(messages, "whatsapp", body));
  }

  @PostMapping("/telegram")
  Map<String, Object> telegram(
      HttpServletRequest request,
      @RequestHeader(value = "X-Telegram-Bot-Api-Secret-Token", required = false) String token)
      throws IOException {
    if (!WebhookSignatures.telegramValid(token, properties.telegramSecretToken())) {
      throw ChannelProblem.badSignature("Telegram", "X-Telegram-Bot-Api-Secret-Token");
    }
    byte[] body = request.getInputStream().readAllBytes();
    try {
      return answer(
          intake.accept(
              TelegramAdapter.read(body, properties.defaultRegion()).stream().toList(),
              "telegram",
              body));
    } catch (IOException | IllegalArgumentException e) {
      intake.deadLetter(body, "telegram", reason(e));
      throw ChannelProblem.unreadable("Telegram", reason(e));
    }
  }

  /**
   * A web form or portal submission: {@code {"submission_id", "submitted_at", "email" and/or
   * "phone", "subject", "message", "language"}}.
   */
  @PostMapping(value = "/web-form", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> webForm(HttpServletRequest request) throws IOException {
    byte[] body = request.getInputStream().readAllBytes();
    try {
      JsonNode form = JSON.readTree(body);
      Identities given = identities(form, properties.trustWebForm());
      InboundMessage message =
          new InboundMessage(
              required(form, "submission_id"),
              Channel.WEB_FORM,
              time(form, "submitted_at"),
              true,
              given.proven(),
              null,
              List.of(),
              form.path("subject").asText(null),
              required(form, "message"),
              form.path("message").asText(),
              form.path("language").asText(null),
              "web-form",
              given.claimed());
      return answer(intake.accept(List.of(message), "web-form", body));
    } catch (IOException | IllegalArgumentException e) {
      intake.deadLetter(body, "web-form", reason(e));
      throw ChannelProblem.unreadable("web form", reason(e));
    }
  }

  /**
   * A visit logged by staff: {@code {"visit_id", "visited_at", "email" and/or "phone", "staff_id",
   * "notes", "resolved_at" (optional)}}. The visit is the customer's contact and the staff's answer
   * at once; with {@code resolved_at} it also resolves the ticket.
   */
  @PostMapping(value = "/in-person", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> inPerson(HttpServletRequest request) throws IOException {
    byte[] body = request.getInputStream().readAllBytes();
    try {
      JsonNode visit = JSON.readTree(body);
      String staff = "staff:" + required(visit, "staff_id");
      Instant at = time(visit, "visited_at");
      Identities given = identities(visit, properties.trustInPerson());
      InboundMessage message =
          new InboundMessage(
              required(visit, "visit_id"),
              Channel.IN_PERSON,
              at,
              true,
              given.proven(),
              null,
              List.of(),
              null,
              visit.path("notes").asText(""),
              visit.path("notes").asText(""),
              visit.path("language").asText(null),
              "in-person",
              given.claimed());
      List<TicketEvent> events =
          new ArrayList<>(intake.accept(List.of(message), "in-person", body));
      TicketEvent contact = events.get(0);
      List<TicketEvent> followUps =
          new ArrayList<>(
              List.of(
                  conversations
                      .getObject()
                      .followUp(contact, "served", EventType.AGENT_REPLY, at, staff)));
      if (visit.hasNonNull("resolved_at")) {
        followUps.add(
            conversations
                .getObject()
                .followUp(
                    contact, "resolved", EventType.RESOLVED, time(visit, "resolved_at"), staff));
      }
      events.addAll(followUps);
      intake.publishAll(followUps, "in-person");
      return answer(events);
    } catch (IOException | IllegalArgumentException e) {
      intake.deadLetter(body, "in-person", reason(e));
      throw ChannelProblem.unreadable("in-person visit", reason(e));
    }
  }

  /** The addresses a form gave: proven when the business trusts that form, else only claimed. */
  private record Identities(List<Identity> proven, List<Identity> claimed) {}

  private Identities identities(JsonNode form, boolean trusted) {
    List<Identity> given = addresses(form);
    return trusted ? new Identities(given, List.of()) : new Identities(List.of(), given);
  }

  private List<Identity> addresses(JsonNode form) {
    List<Identity> identities = new ArrayList<>();
    if (form.hasNonNull("email")) {
      identities.add(Identity.email(form.get("email").asText()));
    }
    if (form.hasNonNull("phone")) {
      identities.add(Identity.phone(form.get("phone").asText(), properties.defaultRegion()));
    }
    if (identities.isEmpty()) {
      throw new IllegalArgumentException("email or phone is required to know who the customer is");
    }
    return identities;
  }

  /**
   * Why a payload could not be read, for the answer and the dead letter. A JSON syntax error gives
   * its position only: Jackson's own message quotes the offending text, which may be the
   * customer's.
   */
  static String reason(Exception e) {
    if (e instanceof StreamConstraintsException limit) {
      return limit.getOriginalMessage(); // nesting depth, number length: the limit, not the text
    }
    if (e instanceof JsonProcessingException json) {
      JsonLocation at = json.getLocation();
      return at == null
          ? "malformed JSON"
          : "malformed JSON at line %d, column %d".formatted(at.getLineNr(), at.getColumnNr());
    }
    return e.getMessage();
  }

  private static String required(JsonNode node, String field) {
    if (!node.hasNonNull(field) || node.get(field).asText().isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return node.get(field).asText();
  }

  private static Instant time(JsonNode node, String field) {
    String text = required(node, field);
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          field
              + "=\""
              + text
              + "\" is not an ISO-8601 time with offset, e.g. 2024-05-08T09:15:00+03:30",
          e);
    }
  }

  private static Map<String, Object> answer(List<TicketEvent> events) {
    return Map.of(
        "events",
        events.stream()
            .map(
                e ->
                    Map.of(
                        "event_id",
                        e.eventId(),
                        "ticket_id",
                        e.ticketId(),
                        "customer_id",
                        e.customerId(),
                        "type",
                        e.type().wire()))
            .toList());
  }
}
