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

  void send(Message message);
}
