package org.sanjeh.dashboards.query;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.sanjeh.warehouse.Warehouse;

/**
 * A small warehouse as the streaming job and the survey service would leave it, generated from a
 * fixed seed, kept in memory as plain Java records so a test can compute every dashboard number
 * itself. Instants are spread over whole local days in Tehran (UTC+03:30), so about one in seven
 * falls on another UTC day than its local day. Stale versions of some rows are written too: the
 * dashboards must read the newest only.
 */
final class Seed {

  static final ZoneId ZONE = ZoneId.of("Asia/Tehran");
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 28);
  static final int DAYS = 4;
  static final List<String> TEAMS = List.of("billing", "tech");
  static final List<String> CHANNELS = List.of("email", "chat", "whatsapp");
  static final List<String> PRIORITIES = List.of("normal", "high", "urgent");
  static final List<String> AGENTS = List.of("a1", "a2", "a3", "a4");
  static final List<String> TICKET_STATUSES = List.of("new", "open", "pending", "solved", "closed");
  static final List<String> TARGET_STATUSES = List.of("achieved", "breached", "running", "paused");
  static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  /**
   * A target as the SLA job stores it: a target met before its deadline has no deadline stored (the
   * engine reports none: nothing was reached), only when it was met.
   */
  record Target(
      String name, String status, int targetS, LocalDateTime dueAt, LocalDateTime fulfilledAt) {

    boolean achieved() {
      return status.equals("achieved");
    }

    /** The fr_/nr_/res_due_at column: none for a target met in time. */
    LocalDateTime storedDueAt() {
      return achieved() ? EPOCH : dueAt;
    }

    /** When its outcome fell: met, or its deadline (breached, running, paused). */
    LocalDateTime decidedAt() {
      return achieved() ? fulfilledAt : dueAt;
    }
  }

  record Ticket(
      String id,
      String team,
      String channel,
      String priority,
      String agent,
      String status,
      LocalDateTime frStartedAt,
      String frStatus,
      LocalDateTime frFulfilledAt,
      double frBusinessS,
      List<Target> targets) {

    boolean open() {
      return !status.equals("solved") && !status.equals("closed");
    }

    boolean answered() {
      return !frFulfilledAt.equals(EPOCH);
    }

    LocalDate localDate() {
      return localDateOf(frStartedAt);
    }

    boolean solved() {
      return status.equals("solved") || status.equals("closed");
    }

    /**
     * Business seconds to the first solve of a solved ticket, from its number alone (no draw from
     * the seed's random numbers, so every other seeded value stays as it was): 10 min to 3.6 days,
     * doubling from one ticket number to the next.
     */
    double firstResolutionS() {
      int number = Integer.parseInt(id.substring(1));
      return 600L * (1L << (number % 10)) + number * 37L % 600;
    }

    /** When it was first solved (a solved ticket), or the epoch. */
    LocalDateTime firstSolvedAt() {
      return solved() ? frStartedAt.plusSeconds((long) firstResolutionS() + 1_800) : EPOCH;
    }
  }

  record AtRiskAlert(String ticketId, String target, LocalDateTime dueAt) {}

  record Minute(
      LocalDateTime minute,
      String channel,
      String team,
      String priority,
      String agent,
      int created) {}

  record Invitation(
      String id,
      String kind,
      String ticketId,
      String channel,
      String team,
      String agent,
      LocalDateTime invitedAt,
      Integer score,
      String comment,
      LocalDateTime answeredAt) {

    boolean answered() {
      return score != null;
    }
  }

  /** The newest survey_alerts row of an invitation. */
  record Alert(
      String invitationId, String kind, int score, boolean detractor, LocalDateTime answeredAt) {}

  final List<Ticket> tickets = new ArrayList<>();
  final List<AtRiskAlert> atRiskAlerts = new ArrayList<>();
  final List<Minute> minutes = new ArrayList<>();
  final List<Invitation> invitations = new ArrayList<>();
  final List<Alert> alerts = new ArrayList<>();
  private final Random random = new Random(20261201);

  /** The batch jobs' tables (rollups, sentiment, churn, dissatisfaction) over these tickets. */
  final BatchSeed batch;

  Seed() {
    for (int i = 0; i < 120; i++) {
      tickets.add(newTicket("t" + i));
    }
    for (Ticket ticket : tickets) {
      for (Target target : ticket.targets()) {
        if (target.status().equals("running") && random.nextBoolean()) {
          atRiskAlerts.add(new AtRiskAlert(ticket.id(), target.name(), target.dueAt()));
        }
      }
    }
    java.util.Set<List<Object>> minuteKeys = new java.util.HashSet<>();
    for (int i = 0; i < 400; i++) {
      Minute minute =
          new Minute(
              instant().withSecond(0),
              pick(CHANNELS),
              pick(TEAMS),
              pick(PRIORITIES),
              pick(AGENTS),
              1 + random.nextInt(5));
      // the job writes one row per minute and dimensions
      if (minuteKeys.add(
          List.of(
              minute.minute(),
              minute.channel(),
              minute.team(),
              minute.priority(),
              minute.agent()))) {
        minutes.add(minute);
      }
    }
    for (int i = 0; i < 600; i++) {
      invitations.add(invitation("i" + i, i));
    }
    for (Invitation invitation : invitations) {
      if (invitation.answered() && detractor(invitation.kind(), invitation.score())) {
        alerts.add(
            new Alert(
                invitation.id(),
                invitation.kind(),
                invitation.score(),
                true,
                invitation.answeredAt()));
      }
    }
    batch = new BatchSeed(tickets);
  }

  static LocalDate localDateOf(LocalDateTime utc) {
    return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(ZONE).toLocalDate();
  }

  static LocalDateTime localWallClock(LocalDateTime utc) {
    return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(ZONE).toLocalDateTime();
  }

  private static boolean detractor(String kind, int score) {
    return kind.equals("nps") ? score <= 6 : kind.equals("csat") && score <= 2;
  }

  private Ticket newTicket(String id) {
    LocalDateTime started = instant();
    String frStatus = pick(TARGET_STATUSES);
    boolean fulfilled = frStatus.equals("achieved") || frStatus.equals("breached");
    double business = fulfilled ? 30 + random.nextInt(20_000) : 0;
    LocalDateTime fulfilledAt =
        fulfilled ? started.plusSeconds((long) business + random.nextInt(3_600)) : EPOCH;
    List<Target> targets = new ArrayList<>();
    targets.add(new Target("first_response", frStatus, 3_600, started.plusHours(1), fulfilledAt));
    if (random.nextBoolean()) {
      targets.add(target("next_response", 7_200, started.plusHours(3)));
    }
    targets.add(target("resolution", 86_400, started.plusDays(1)));
    return new Ticket(
        id,
        pick(TEAMS),
        pick(CHANNELS),
        pick(PRIORITIES),
        pick(AGENTS),
        pick(TICKET_STATUSES),
        started,
        frStatus,
        fulfilledAt,
        business,
        List.copyOf(targets));
  }

  /** A target due at {@code dueAt}; met or missed up to 20 hours before it, or still open. */
  private Target target(String name, int targetS, LocalDateTime dueAt) {
    String status = pick(TARGET_STATUSES);
    boolean fulfilled = status.equals("achieved") || status.equals("breached");
    LocalDateTime fulfilledAt = fulfilled ? dueAt.minusMinutes(random.nextInt(1_200)) : EPOCH;
    return new Target(name, status, targetS, dueAt, fulfilledAt);
  }

  private Invitation invitation(String id, int index) {
    String kind = List.of("csat", "nps", "ces").get(index % 3);
    // a third of the invitations name a ticket the SLA job never saw: their priority is empty
    Ticket ticket =
        index % 3 == 1 && index % 2 == 0 ? null : tickets.get(random.nextInt(tickets.size()));
    LocalDateTime invited = instant();
    boolean answered = random.nextInt(10) < 7;
    Integer score =
        answered
            ? switch (kind) {
              case "csat" -> 1 + random.nextInt(5);
              case "nps" -> random.nextInt(11);
              default -> 1 + random.nextInt(7);
            }
            : null;
    String comment = answered && random.nextBoolean() ? "comment " + id + " «خوب»" : "";
    // every answer at its own second, so "latest first" has one right order
    LocalDateTime answeredAt = answered ? invited.plusMinutes(5).plusSeconds(index) : EPOCH;
    return new Invitation(
        id,
        kind,
        ticket == null ? "unknown-" + id : ticket.id(),
        ticket == null ? pick(CHANNELS) : ticket.channel(),
        ticket == null ? pick(TEAMS) : ticket.team(),
        ticket == null ? pick(AGENTS) : ticket.agent(),
        invited,
        score,
        comment,
        answeredAt);
  }

  /** A UTC instant uniformly within the seed's local days. */
  private LocalDateTime instant() {
    LocalDate day = FIRST_DAY.plusDays(random.nextInt(DAYS));
    LocalTime time = LocalTime.ofSecondOfDay(random.nextInt(86_400));
    return day.atTime(time).atZone(ZONE).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  // --- writing it to ClickHouse -----------------------------------------------------------------

  private static final DateTimeFormatter SQL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  void writeTo(Warehouse warehouse) {
    inserts().forEach(warehouse::execute);
  }

  /** The seed as INSERT statements (the chdb test runs them on a current ClickHouse too). */
  List<String> inserts() {
    List<String> statements = new java.util.ArrayList<>();
    insert(
        statements,
        "sla_tickets",
        SLA_TICKET_COLUMNS,
        tickets.stream().map(t -> slaTicketRow(t, 2, t.status())).toList());
    // an older state of every tenth ticket, as open and unanswered: FINAL must hide it
    insert(
        statements,
        "sla_tickets",
        SLA_TICKET_COLUMNS,
        tickets.stream()
            .filter(t -> Integer.parseInt(t.id().substring(1)) % 10 == 0)
            .map(t -> slaTicketRow(t, 1, "open"))
            .toList());
    // earlier states of every seventh ticket on another team, channel and priority and a day
    // later (its deadlines too), each written three times: a filter must see the latest state only
    for (int copy = 0; copy < 3; copy++) {
      insert(
          statements,
          "sla_tickets",
          SLA_TICKET_COLUMNS,
          tickets.stream()
              .filter(t -> Integer.parseInt(t.id().substring(1)) % 7 == 3)
              .map(t -> slaTicketRow(elsewhere(t), 1, "open"))
              .toList());
    }
    List<String> alertRows = new ArrayList<>();
    for (AtRiskAlert alert : atRiskAlerts) {
      Ticket ticket = ticket(alert.ticketId());
      alertRows.add(
          values(
              "ar-" + alert.ticketId() + "-" + alert.target(),
              alert.ticketId(),
              alert.target(),
              "at_risk",
              alert.dueAt().minusMinutes(15),
              0,
              alert.dueAt(),
              "policy",
              ticket.channel(),
              ticket.team(),
              ticket.priority(),
              ticket.agent()));
    }
    // an at-risk alert of an earlier clock (another deadline) does not put the current one at risk
    Ticket first = tickets.get(1);
    alertRows.add(
        values(
            "ar-old",
            first.id(),
            "resolution",
            "at_risk",
            first.frStartedAt(),
            0,
            first.frStartedAt().plusMinutes(1),
            "policy",
            first.channel(),
            first.team(),
            first.priority(),
            first.agent()));
    insert(
        statements,
        "sla_alerts",
        "alert_id, ticket_id, target, kind, at, at_ms, due_at, policy, channel, team, priority, agent_id",
        alertRows);
    List<String> minuteRows = new ArrayList<>();
    for (Minute m : minutes) {
      minuteRows.add(
          values(m.minute(), m.channel(), m.team(), m.priority(), m.agent(), m.created(), 10L));
    }
    // a stale copy of every minute with other counts, at a lower version
    for (Minute m : minutes) {
      minuteRows.add(values(m.minute(), m.channel(), m.team(), m.priority(), m.agent(), 1000, 1L));
    }
    insert(
        statements,
        "sla_minute",
        "minute, channel, team, priority, agent_id, created, version",
        minuteRows);
    insert(
        statements,
        "sla_quarter",
        "quarter, channel, team, priority, created, version",
        quarterRows());
    List<String> invitationRows = new ArrayList<>();
    List<String> responseRows = new ArrayList<>();
    for (Invitation i : invitations) {
      invitationRows.add(
          values(
              i.id(),
              i.kind(),
              i.ticketId(),
              "c-" + i.id(),
              i.channel(),
              i.team(),
              i.agent(),
              "en",
              i.invitedAt(),
              i.invitedAt().plusDays(7)));
      if (i.answered()) {
        // a first answer changed later: the last one wins
        responseRows.add(
            values(
                i.id(),
                i.kind(),
                firstScore(i),
                "first thought",
                i.answeredAt().minusMinutes(1),
                i.answeredAt().minusMinutes(1),
                1L));
        responseRows.add(
            values(
                i.id(),
                i.kind(),
                i.score(),
                i.comment(),
                i.answeredAt().minusMinutes(1),
                i.answeredAt(),
                2L));
      }
    }
    insert(
        statements,
        "survey_invitations",
        "invitation_id, kind, ticket_id, customer_id, channel, team, agent_id, language, invited_at, expires_at",
        invitationRows);
    // an earlier row of every seventh invitation, a day earlier (in the same month: partitions are
    // by month) on another team and channel: its version (invited_at) is lower, so it is hidden
    List<String> earlierInvitationRows = new ArrayList<>();
    for (int n = 0; n < invitations.size(); n += 7) {
      Invitation i = invitations.get(n);
      LocalDateTime earlier = i.invitedAt().minusDays(1);
      if (earlier.getMonth() == i.invitedAt().getMonth()) {
        earlierInvitationRows.add(
            values(
                i.id(),
                i.kind(),
                i.ticketId(),
                "c-" + i.id(),
                other(CHANNELS, i.channel()),
                other(TEAMS, i.team()),
                i.agent(),
                "en",
                earlier,
                earlier.plusDays(7)));
      }
    }
    insert(
        statements,
        "survey_invitations",
        "invitation_id, kind, ticket_id, customer_id, channel, team, agent_id, language, invited_at, expires_at",
        earlierInvitationRows);
    insert(
        statements,
        "survey_responses",
        "invitation_id, kind, score, comment, first_answered_at, answered_at, version",
        responseRows);
    List<String> alertAnswers = new ArrayList<>();
    for (Alert a : alerts) {
      alertAnswers.add(values(a.invitationId(), a.kind(), a.score(), "why", 1, a.answeredAt(), 2L));
    }
    // a detractor who changed a 2 into a 5: the alert is cleared by the newer row
    Invitation changed =
        invitations.stream()
            .filter(i -> i.answered() && i.kind().equals("csat") && i.score() >= 4)
            .findFirst()
            .orElseThrow();
    alertAnswers.add(
        values(changed.id(), "csat", 2, "why", 1, changed.answeredAt().minusMinutes(1), 1L));
    alertAnswers.add(
        values(changed.id(), "csat", changed.score(), "", 0, changed.answeredAt(), 2L));
    insert(
        statements,
        "survey_alerts",
        "invitation_id, kind, score, comment, detractor, answered_at, version",
        alertAnswers);
    statements.addAll(batch.inserts());
    return statements;
  }

  /** A first answer, before the change: any score on the scale. */
  private static int firstScore(Invitation i) {
    return i.kind().equals("nps")
        ? 10 - i.score()
        : (i.kind().equals("csat") ? 6 - i.score() : 8 - i.score());
  }

  Ticket ticket(String id) {
    return tickets.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  private static final String SLA_TICKET_COLUMNS =
      "ticket_id, as_of, policy, channel, team, priority, agent_id, ticket_status, fr_status, fr_target_s,"
          + " fr_started_at, fr_due_at, fr_fulfilled_at, fr_business_s, nr_status, nr_target_s, nr_due_at,"
          + " nr_fulfilled_at, res_status, res_target_s, res_due_at, res_fulfilled_at,"
          + " res_first_fulfilled_at, res_first_business_s, version";

  private static String slaTicketRow(Ticket t, long version, String status) {
    Target fr = target(t, "first_response");
    Target nr = target(t, "next_response");
    Target res = target(t, "resolution");
    boolean stale = version == 1;
    return values(
        t.id(),
        t.frStartedAt(),
        "policy",
        t.channel(),
        t.team(),
        t.priority(),
        t.agent(),
        status,
        stale ? "running" : fr.status(),
        fr.targetS(),
        t.frStartedAt(),
        stale ? fr.dueAt() : fr.storedDueAt(),
        stale ? EPOCH : t.frFulfilledAt(),
        stale ? 0.0 : t.frBusinessS(),
        nr == null ? "not_started" : nr.status(),
        nr == null ? 0 : nr.targetS(),
        nr == null ? EPOCH : nr.storedDueAt(),
        nr == null ? EPOCH : nr.fulfilledAt(),
        res.status(),
        res.targetS(),
        res.storedDueAt(),
        res.fulfilledAt(),
        stale ? EPOCH : t.firstSolvedAt(),
        stale || !t.solved() ? 0.0 : t.firstResolutionS(),
        version);
  }

  /** The ticket on the next team, channel and priority, a day later. */
  private static Ticket elsewhere(Ticket t) {
    return new Ticket(
        t.id(),
        other(TEAMS, t.team()),
        other(CHANNELS, t.channel()),
        other(PRIORITIES, t.priority()),
        t.agent(),
        t.status(),
        t.frStartedAt().plusDays(1),
        t.frStatus(),
        t.frFulfilledAt(),
        t.frBusinessS(),
        t.targets().stream()
            .map(
                x ->
                    new Target(
                        x.name(),
                        x.status(),
                        x.targetS(),
                        x.dueAt().plusDays(1),
                        x.fulfilledAt().equals(EPOCH) ? EPOCH : x.fulfilledAt().plusDays(1)))
            .toList());
  }

  private static String other(List<String> values, String value) {
    return values.get((values.indexOf(value) + 1) % values.size());
  }

  private static Target target(Ticket t, String name) {
    return t.targets().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * {@code sla_quarter} as the streaming job writes it: the minutes summed per UTC quarter hour and
   * channel, team and priority, without the agent, the version being the facts counted (here the
   * minutes' versions added up); and a stale copy of every quarter with other counts, at version 1.
   */
  private List<String> quarterRows() {
    Map<List<Object>, long[]> quarters = new LinkedHashMap<>();
    for (Minute m : minutes) {
      LocalDateTime quarter = m.minute().withMinute(m.minute().getMinute() / 15 * 15);
      long[] sums =
          quarters.computeIfAbsent(
              List.of(quarter, m.channel(), m.team(), m.priority()), k -> new long[2]);
      sums[0] += m.created();
      sums[1] += 10L;
    }
    List<String> rows = new ArrayList<>();
    quarters.forEach(
        (key, sums) -> {
          rows.add(values(key.get(0), key.get(1), key.get(2), key.get(3), sums[0], sums[1]));
          rows.add(values(key.get(0), key.get(1), key.get(2), key.get(3), 1000, 1L));
        });
    return rows;
  }

  static String values(Object... values) {
    List<String> literals = new ArrayList<>();
    for (Object value : values) {
      if (value instanceof String s) {
        literals.add("'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'");
      } else if (value instanceof LocalDateTime t) {
        literals.add("'" + SQL_TIME.format(t) + "'");
      } else if (value instanceof LocalDate d) {
        literals.add("'" + d + "'");
      } else if (value instanceof List<?> list) {
        literals.add(
            list.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "[", "]")));
      } else {
        literals.add(String.valueOf(value));
      }
    }
    return "(" + String.join(", ", literals) + ")";
  }

  static void insert(List<String> statements, String table, String columns, List<String> rows) {
    statements.add(
        "INSERT INTO "
            + table
            + " ("
            + columns
            + ") VALUES "
            + rows.stream().collect(Collectors.joining(", ")));
  }

  /**
   * The INSERT writing a ticket's row again, the same but for its version (the moment the row
   * stands for, ms * 1000), as the streaming job does for every event it folds in.
   */
  String restampedTicketRow(String ticketId, long version) {
    Ticket t = ticket(ticketId);
    return "INSERT INTO sla_tickets ("
        + SLA_TICKET_COLUMNS
        + ") VALUES "
        + slaTicketRow(t, version, t.status());
  }
}
