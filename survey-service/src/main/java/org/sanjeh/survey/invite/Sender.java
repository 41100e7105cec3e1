package org.sanjeh.survey.invite;

import java.util.Map;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.survey.SurveyKind;

/**
 * Delivers an invitation to the customer: a folder for the local default, SMTP or a chat API in
 * production.
 */
public interface Sender {

  /**
   * @param link the answer page
   * @param oneClick each score's link, for e-mail buttons that record the score with one click
   */
  record Message(
      String invitationId,
      String customerId,
      Channel channel,
      SurveyKind kind,
      String language,
      String link,
      Map<Integer, String> oneClick) {}

  /**
   * Delivers the message or throws: {@link Undeliverable} when it can never reach this customer
   * (recorded as a skip), any other exception when it may work later (tried again).
   */
  void send(Message message);

  /**
   * The sender that will deliver this message: itself, or for a sender that routes by channel the
   * one it hands the message to. A failure rests only that sender, not the others.
   */
  default Sender deliveringSender(Message message) {
    return this;
  }

  /** The customer cannot be reached this way, e.g. no e-mail address is known. */
  final class Undeliverable extends RuntimeException {
    public Undeliverable(String reason) {
      super(reason);
    }
  }
}
