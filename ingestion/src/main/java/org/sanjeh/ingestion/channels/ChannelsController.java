package org.sanjeh.ingestion.channels;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Instant;
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
import org.sanjeh.ingestion.channels.ChannelForms.Visit;
import org.sanjeh.ingestion.channels.ChannelForms.WebForm;
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

  private final ChannelIntake intake;
  private final ChannelProperties properties;
  private final ObjectProvider<Conversations> conversations;
  private final Validator validator;

  ChannelsController(
      ChannelIntake intake,
      ChannelProperties properties,
      ObjectProvider<Conversations> conversations,
      Validator validator) {
    this.intake = intake;
    this.properties = properties;
    this.conversations = conversations;
    this.validator = validator;
  }

  /** WhatsApp's subscription check: echo the challenge when the verify token matches. */
  @GetMapping(value = "/whatsapp", produces = MediaType.TEXT_PLAIN_VALUE)
  String verifyWhatsapp(
      @RequestParam("hub.mode") String mode,
      @RequestParam("hub.verify_token") String token,
      @RequestParam("hub.challenge") String challenge) {
    if (!"subscribe".equals(mode)
        || !WebhookSignatures.sharedSecretMatches(token, properties.whatsappVerifyToken())) {
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
    List<InboundMessage> messages =
        readOrDeadLetter(
            body, "whatsapp", "WhatsApp", b -> WhatsAppAdapter.read(b, properties.defaultRegion()));
    return answer(intake.accept(messages, "whatsapp", body));
  }

  @PostMapping("/telegram")
  Map<String, Object> telegram(
      HttpServletRequest request,
      @RequestHeader(value = "X-Telegram-Bot-Api-Secret-Token", required = false) String token)
      throws IOException {
    if (!WebhookSignatures.sharedSecretMatches(token, properties.telegramSecretToken())) {
      throw ChannelProblem.badSignature("Telegram", "X-Telegram-Bot-Api-Secret-Token");
    }
    byte[] body = request.getInputStream().readAllBytes();
    return answer(
        readOrDeadLetter(
            body,
            "telegram",
            "Telegram",
            b ->
                intake.accept(
                    TelegramAdapter.read(b, properties.defaultRegion()).stream().toList(),
                    "telegram",
                    b)));
  }

  /**
   * A web form or portal submission: {@code {"submission_id", "submitted_at", "email" and/or
   * "phone", "subject", "message", "language"}}.
   */
  @PostMapping(value = "/web-form", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> webForm(HttpServletRequest request) throws IOException {
    return answer(readOrDeadLetter(request, "web-form", "web form", this::webFormEvents));
  }

  private List<TicketEvent> webFormEvents(byte[] body) throws IOException {
    WebForm form = ChannelForms.bind(body, WebForm.class, validator);
    InboundMessage message =
        identities(form.email(), form.phone(), properties.trustWebForm())
            .message(
                form.submissionId(),
                Channel.WEB_FORM,
                "web-form",
                ChannelForms.time("submitted_at", form.submittedAt()),
                form.subject(),
                form.message(),
                form.language());
    return intake.accept(List.of(message), "web-form", body);
  }

  /**
   * A visit logged by staff: {@code {"visit_id", "visited_at", "email" and/or "phone", "staff_id",
   * "notes", "resolved_at" (optional)}}. The visit is the customer's contact and the staff's answer
   * at once; with {@code resolved_at} it also resolves the ticket.
   */
  @PostMapping(value = "/in-person", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> inPerson(HttpServletRequest request) throws IOException {
    return answer(readOrDeadLetter(request, "in-person", "in-person visit", this::visitEvents));
  }

  private List<TicketEvent> visitEvents(byte[] body) throws IOException {
    Visit visit = ChannelForms.bind(body, Visit.class, validator);
    String staff = "staff:" + visit.staffId();
    Instant at = ChannelForms.time("visited_at", visit.visitedAt());
    Identities given = identities(visit.email(), visit.phone(), properties.trustInPerson());
    InboundMessage message =
        given.message(
            visit.visitId(),
            Channel.IN_PERSON,
            "in-person",
            at,
            null,
            visit.notesOrEmpty(),
            visit.language());
    List<TicketEvent> events = new ArrayList<>(intake.accept(List.of(message), "in-person", body));
    TicketEvent contact = events.get(0);
    List<TicketEvent> followUps =
        new ArrayList<>(
            List.of(
                conversations
                    .getObject()
                    .followUp(contact, "served", EventType.AGENT_REPLY, at, staff)));
    if (visit.resolvedAt() != null) {
      Instant resolved = ChannelForms.time("resolved_at", visit.resolvedAt());
      followUps.add(
          conversations
              .getObject()
              .followUp(contact, "resolved", EventType.RESOLVED, resolved, staff));
    }
    events.addAll(followUps);
    intake.publishAll(followUps, "in-person");
    return events;
  }

  /** How a channel's body becomes what it means; may refuse it. */
  @FunctionalInterface
  private interface Reading<T> {
    T read(byte[] body) throws IOException;
  }

  /**
   * The body read; a body that cannot be read goes to the dead letters as received, with the
   * reason, and is answered 400 naming what was wrong.
   */
  private <T> T readOrDeadLetter(
      HttpServletRequest request, String source, String what, Reading<T> reading)
      throws IOException {
    return readOrDeadLetter(request.getInputStream().readAllBytes(), source, what, reading);
  }

  private <T> T readOrDeadLetter(byte[] body, String source, String what, Reading<T> reading) {
    try {
      return reading.read(body);
    } catch (IOException | IllegalArgumentException e) {
      intake.deadLetter(body, source, reason(e));
      throw ChannelProblem.unreadable(what, reason(e));
    }
  }

  /** The addresses a form gave: proven when the business trusts that form, else only claimed. */
  private record Identities(List<Identity> proven, List<Identity> claimed) {

    /** The customer's message from a form (its text as written is also the raw text). */
    InboundMessage message(
        String id,
        Channel channel,
        String source,
        Instant at,
        String subject,
        String text,
        String language) {
      return new InboundMessage(
          id, channel, at, true, proven, null, List.of(), subject, text, text, language, source,
          claimed);
    }
  }

  private Identities identities(String email, String phone, boolean trusted) {
    List<Identity> given = new ArrayList<>();
    if (email != null) {
      given.add(Identity.email(email));
    }
    if (phone != null) {
      given.add(Identity.phone(phone, properties.defaultRegion()));
    }
    return trusted ? new Identities(given, List.of()) : new Identities(List.of(), given);
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
