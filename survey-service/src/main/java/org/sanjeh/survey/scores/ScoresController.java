package org.sanjeh.survey.scores;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sanjeh.core.survey.Score;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.core.survey.SurveyScores;
import org.sanjeh.warehouse.Warehouse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET
 * /v1/scores?metric=csat|nps|ces&from=2026-05-01&to=2026-06-01&groupBy=team|channel|agent|week}:
 * the metric per group with its sample size, response rate and 95% interval (maths in core's {@link
 * SurveyScores}). Answers count in the period of their first answer; invitations in the period they
 * were sent.
 */
@RestController
class ScoresController {

  private static final Map<String, String> GROUPS =
      Map.of(
          "team",
          "team",
          "channel",
          "channel",
          "agent",
          "agent_id",
          "week",
          "toString(toMonday(%s))",
          "none",
          "''");

  private final Warehouse warehouse;

  ScoresController(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @GetMapping("/v1/scores")
  List<Map<String, Object>> scores(
      @RequestParam String metric,
      @RequestParam String from,
      @RequestParam String to,
      @RequestParam(defaultValue = "none") String groupBy) {
    SurveyKind kind = kind(metric);
    LocalDate start = date("from", from);
    LocalDate end = date("to", to);
    String group = GROUPS.get(groupBy);
    if (group == null) {
      throw problem("groupBy=\"" + groupBy + "\" is not one of team, channel, agent, week, none");
    }
    String k = kind.name().toLowerCase(Locale.ROOT);
    String period = "toDate(%s) >= toDate('" + start + "') AND toDate(%s) < toDate('" + end + "')";
    Map<String, Long> invited = new LinkedHashMap<>();
    warehouse.query(
        "SELECT "
            + group.formatted("invited_at")
            + " AS g, count() FROM survey_invitations FINAL WHERE kind = '"
            + k
            + "' AND "
            + period.formatted("invited_at", "invited_at")
            + " GROUP BY g",
        row -> invited.put(row.getString(1), row.getLong(2)));
    return warehouse.query(
        "SELECT "
            + group.formatted("r.first_answered_at")
            + " AS g, count(), countIf(r.score >= 4), countIf(r.score >= 9),"
            + " countIf(r.score BETWEEN 7 AND 8), countIf(r.score <= 6), sum(r.score), sum(r.score * r.score), countIf(r.score >= 5)"
            + " FROM (SELECT * FROM survey_responses FINAL WHERE kind = '"
            + k
            + "' AND "
            + period.formatted("first_answered_at", "first_answered_at")
            + ") AS r"
            + " ANY LEFT JOIN (SELECT invitation_id, team, channel, agent_id FROM survey_invitations FINAL) AS i USING invitation_id"
            + " GROUP BY g ORDER BY g",
        row -> {
          String name = row.getString(1);
          long answered = row.getLong(2);
          long sent = Math.max(invited.getOrDefault(name, 0L), 0L);
          long invitedCount = sent >= answered ? sent : 0;
          Score score =
              switch (kind) {
                case CSAT -> SurveyScores.csat(row.getLong(3), answered, invitedCount);
                case NPS ->
                    SurveyScores.nps(row.getLong(4), row.getLong(5), row.getLong(6), invitedCount);
                case CES ->
                    SurveyScores.ces(
                        answered, row.getDouble(7), row.getDouble(8), row.getLong(9), invitedCount);
              };
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("group", name);
          out.put("metric", k);
          out.put("value", score.value());
          out.put("ci95", List.of(score.low(), score.high()));
          out.put("answered", score.answered());
          out.put("invited", invitedCount);
          out.put(
              "response_rate", Double.isNaN(score.responseRate()) ? null : score.responseRate());
          out.put("small_sample", score.smallSample());
          if (kind == SurveyKind.CES) {
            out.put("agreeing_share", score.agreeing());
          }
          return out;
        });
  }

  private static SurveyKind kind(String metric) {
    try {
      return SurveyKind.valueOf(metric.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw problem("metric=\"" + metric + "\" is not one of csat, nps, ces");
    }
  }

  private static LocalDate date(String name, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw problem(name + "=\"" + text + "\" is not a date like 2026-05-01");
    }
  }

  private static ErrorResponseException problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Bad scores query");
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }
}
