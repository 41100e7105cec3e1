package org.sanjeh.survey.response;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.warehouse.Warehouse;

/**
 * Answers in ClickHouse's {@code survey_responses}: one row per invitation, the last answer wins.
 */
public final class ResponseStore implements ResponseSpool.Store {

  private static final List<String> COLUMNS =
      List.of(
          "invitation_id",
          "kind",
          "score",
          "comment",
          "reasons",
          "first_answered_at",
          "answered_at",
          "version");

  private final Warehouse warehouse;

  public ResponseStore(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** NPS 0–6 and CSAT 1–2 are detractors: someone should call them back. */
  public static boolean detractor(SurveyResponse response) {
    return switch (response.kind()) {
      case NPS -> response.score() <= 6;
      case CSAT -> response.score() <= 2;
      case CES -> false;
    };
  }

  @Override
  public void store(List<SurveyResponse> responses) {
    storeAnswers(responses);
    storeAlerts(responses);
  }

  /**
   * Detractors raise an alert, and every answer writes its alert state, so that any change away
   * from a detractor score clears the alert (the newer row has {@code detractor = 0}), even one
   * whose writer did not know it was a change (an answer given during an outage, after a restart).
   * Written after the answers: a retry rewrites both, idempotently.
   */
  private void storeAlerts(List<SurveyResponse> responses) {
    warehouse.insert(
        "survey_alerts",
        List.of("invitation_id", "kind", "score", "comment", "detractor", "answered_at", "version"),
        out -> {
          for (SurveyResponse r : responses) {
            out.string(r.invitationId());
            out.string(r.kind().name().toLowerCase(java.util.Locale.ROOT));
            out.uint8(r.score());
            out.string(r.comment());
            out.uint8(detractor(r) ? 1 : 0);
            out.dateTime(r.answeredAt());
            out.uint64(r.answeredAt().toEpochMilli());
          }
        });
  }

  private void storeAnswers(List<SurveyResponse> responses) {
    warehouse.insert(
        "survey_responses",
        COLUMNS,
        out -> {
          for (SurveyResponse r : responses) {
            out.string(r.invitationId());
            out.string(r.kind().name().toLowerCase(java.util.Locale.ROOT));
            out.uint8(r.score());
            out.string(r.comment());
            out.stringArray(r.reasons());
            out.dateTime(r.firstAnsweredAt());
            out.dateTime(r.answeredAt());
            out.uint64(r.answeredAt().toEpochMilli());
          }
        });
  }

  /** Invitations first answered since {@code since}, and when: a restarted service's memory. */
  public java.util.Map<String, java.time.Instant> answeredSince(java.time.Instant since) {
    java.util.Map<String, java.time.Instant> answered = new java.util.HashMap<>();
    warehouse.query(
        "SELECT invitation_id, toUnixTimestamp(min(first_answered_at)) FROM survey_responses"
            + " WHERE first_answered_at >= toDateTime("
            + since.getEpochSecond()
            + ") GROUP BY invitation_id",
        row -> answered.put(row.getString(1), java.time.Instant.ofEpochSecond(row.getLong(2))));
    return answered;
  }

  /** The stored answer of an invitation, if any. */
  public Optional<SurveyResponse> latest(String invitationId) {
    return warehouse
        .query(
            "SELECT kind, score, comment, reasons, toUnixTimestamp(first_answered_at), toUnixTimestamp(answered_at)"
                + " FROM survey_responses FINAL WHERE invitation_id = '"
                + invitationId.replace("\\", "\\\\").replace("'", "\\'")
                + "'",
            row ->
                new SurveyResponse(
                    invitationId,
                    SurveyKind.valueOf(row.getString(1).toUpperCase(java.util.Locale.ROOT)),
                    row.getInt(2),
                    row.getString(3),
                    Arrays.asList((String[]) row.getArray(4).getArray()),
                    java.time.Instant.ofEpochSecond(row.getLong(5)),
                    java.time.Instant.ofEpochSecond(row.getLong(6))))
        .stream()
        .findFirst();
  }
}
