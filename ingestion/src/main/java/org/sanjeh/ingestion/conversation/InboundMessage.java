package org.sanjeh.ingestion.conversation;

import java.time.Instant;
import java.util.List;
import org.sanjeh.core.event.Channel;
import org.sanjeh.ingestion.identity.Identity;

/**
 * A message as a channel adapter understood it, before it belongs to a ticket.
 *
 * @param messageId the channel's own id (Message-ID, wamid, Telegram update id, call id): the event
 *     id is derived from it, so a re-delivered message is the same event
 * @param fromCustomer true for the customer writing or calling, false for the team answering
 * @param customer every identity of the customer the channel proves (the signed sender's number,
 *     the Telegram user, a contact they shared of themselves): these are linked to the customer
 * @param agentId who answered, for messages from the team
 * @param threadRefs ids this message answers (In-Reply-To and References, a chat session id): a
 *     message in a known thread joins that thread's ticket
 * @param body the text used for analytics (quotes and signatures stripped)
 * @param rawBody the text as received, kept beside the cleaned one
 * @param claimed identities the sender only states (an address typed into a web form): recorded as
 *     claims, never linked or sent to
 */
public record InboundMessage(
    String messageId,
    Channel channel,
    Instant at,
    boolean fromCustomer,
    List<Identity> customer,
    String agentId,
    List<String> threadRefs,
    String subject,
    String body,
    String rawBody,
    String language,
    String sourceSystem,
    List<Identity> claimed) {

  public InboundMessage {
    customer = List.copyOf(customer);
    threadRefs = List.copyOf(threadRefs);
    claimed = List.copyOf(claimed);
  }

  /** A message whose identities are all proven by its channel. */
  public InboundMessage(
      String messageId,
      Channel channel,
      Instant at,
      boolean fromCustomer,
      List<Identity> customer,
      String agentId,
      List<String> threadRefs,
      String subject,
      String body,
      String rawBody,
      String language,
      String sourceSystem) {
    this(
        messageId,
        channel,
        at,
        fromCustomer,
        customer,
        agentId,
        threadRefs,
        subject,
        body,
        rawBody,
        language,
        sourceSystem,
        List.of());
  }
}
