package org.sanjeh.survey.response;

import java.time.Instant;
import java.util.List;
import org.sanjeh.core.survey.SurveyKind;

/**
 * One customer's answer to one invitation.
 *
 * @param firstAnsweredAt when the invitation was first answered: starts the edit window
 * @param answeredAt when this version of the answer was given; the latest wins
 */
public record SurveyResponse(
    String invitationId,
    SurveyKind kind,
    int score,
    String comment,
    List<String> reasons,
    Instant firstAnsweredAt,
    Instant answeredAt) {

  public SurveyResponse {
    kind.check(score);
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    comment = comment == null ? "" : comment;
  }
}
