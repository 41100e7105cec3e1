package org.sanjeh.dashboards.query;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sanjeh.dashboards.query.Seed.Ticket;

/**
 * The batch jobs' tables as they would stand after {@code batch demo} and {@code batch sentiment}
 * over {@link Seed}'s tickets: daily KPI rollups (kpi_daily), sentiment per ticket
 * (sentiment_tickets), dissatisfaction scores (dissatisfaction_scores), churn scores (churn_scores)
 * and the ticket events that tie tickets to customers. Kept as plain records (the newest row of
 * each key) so a test can compute every number itself; older runs, stale versions and another time
 * zone's rollups are written too, and the dashboards must not read them.
 */
final class BatchSeed {

  static final String OTHER_ZONE = "UTC";
  static final List<String> DIMENSIONS = List.of("all", "team", "channel", "agent");
  static final List<String> DRIVERS =
      List.of("fr_breaches", "reopens", "open_hours", "tickets_30d", "days_since_contact", "csat");

  /** One newest kpi_daily row of the business's time zone. */
  record Kpi(
      LocalDate day,
      String dimension,
      String value,
      int created,
      int solved,
      int solvedTickets,
      int fcr,
      int zeroReplySolved,
      int reopened,
      int backlog) {}

  /** A ticket's newest sentiment_tickets row. */
  record Sentiment(
      String ticketId,
      LocalDateTime firstMessageAt,
      int messages,
      double level,
      double trend,
      String label) {}

  /** A ticket's newest dissatisfaction score (the newest scoring day, its newest run). */
  record Dissatisfaction(
      String ticketId,
      String customerId,
      LocalDate asOf,
      double probability,
      String band,
      List<String> drivers,
      String team,
      String channel,
      String priority,
      String status) {}

  /** A customer's newest churn score. */
  record Churn(
      String customerId, LocalDate asOf, double probability, String band, List<String> drivers) {}

  /** A dissatisfaction score of a ticket the SLA job never saw: its own team and status count. */
  static final String UNKNOWN_TICKET = "x-unknown";

  /** A scored customer without any ticket in ticket_events. */
  static final String CUSTOMER_WITHOUT_TICKETS = "c-none";

  static final LocalDate SCORED_ON = Seed.FIRST_DAY.plusDays(Seed.DAYS - 1);

  final List<Kpi> kpi = new ArrayList<>();
  final List<Sentiment> sentiments = new ArrayList<>();
  final List<Dissatisfaction> dissatisfaction = new ArrayList<>();
  final List<Churn> churn = new ArrayList<>();

  /** ticket id to customer id, from the ticket events (the first seeded ticket has none). */
  final Map<String, String> customerOf = new LinkedHashMap<>();

  private final List<Ticket> tickets;
  private final Random random = new Random(20261202);

  BatchSeed(List<Ticket> tickets) {
    this.tickets = tickets;
    for (int d = 0; d < Seed.DAYS; d++) {
      LocalDate day = Seed.FIRST_DAY.plusDays(d);
      kpi.add(kpi(day, "all", ""));
      Seed.TEAMS.forEach(team -> kpi.add(kpi(day, "team", team)));
      Seed.CHANNELS.forEach(channel -> kpi.add(kpi(day, "channel", channel)));
      Seed.AGENTS.forEach(agent -> kpi.add(kpi(day, "agent", agent)));
    }
    for (int i = 0; i < tickets.size(); i++) {
      Ticket ticket = tickets.get(i);
      if (i % 4 != 3) {
        double drawn = Math.round((random.nextDouble() * 2 - 1) * 1000) / 1000.0;
        // one ticket in a language no model reads (label '', score 0): left out of the figures
        double level = i == 2 ? 0 : drawn;
        String label =
            i == 2 ? "" : level < -0.2 ? "negative" : level > 0.2 ? "positive" : "neutral";
        sentiments.add(
            new Sentiment(
                ticket.id(),
                ticket.frStartedAt().plusMinutes(2),
                1 + random.nextInt(5),
                level,
                Math.round((random.nextDouble() - 0.5) * 1000) / 1000.0,
                label));
      }
      if (i >= 1) {
        customerOf.put(ticket.id(), "c" + (i % 20));
      }
      if (i % 3 != 2) {
        dissatisfaction.add(
            dissatisfaction(
                ticket.id(),
                customerOf.getOrDefault(ticket.id(), ""),
                ticket.team(),
                ticket.channel(),
                ticket.priority()));
      }
    }
    dissatisfaction.add(dissatisfaction(UNKNOWN_TICKET, "c1", "tech", "chat", "urgent"));
    for (int c = 0; c < 18; c++) {
      churn.add(churn("c" + c));
    }
    churn.add(churn(CUSTOMER_WITHOUT_TICKETS));
  }

  private Kpi kpi(LocalDate day, String dimension, String value) {
    int solvedTickets = 5 + random.nextInt(30);
    int zeroReply = random.nextInt(4);
    return new Kpi(
        day,
        dimension,
        value,
        5 + random.nextInt(40),
        solvedTickets + random.nextInt(5),
        solvedTickets,
        random.nextInt(solvedTickets - zeroReply + 1),
        zeroReply,
        random.nextInt(6),
        random.nextInt(80));
  }

  private Dissatisfaction dissatisfaction(
      String ticketId, String customerId, String team, String channel, String priority) {
    double probability = Math.round(random.nextDouble() * 1000) / 1000.0;
    // scored while open: the dashboards take the ticket's status now from sla_tickets
    return new Dissatisfaction(
        ticketId,
        customerId,
        SCORED_ON,
        probability,
        band(probability),
        drivers(),
        team,
        channel,
        priority,
        "open");
  }

  private Churn churn(String customerId) {
    double probability = Math.round(random.nextDouble() * 1000) / 1000.0;
    return new Churn(customerId, SCORED_ON, probability, band(probability), drivers());
  }

  private static String band(double probability) {
    return probability >= 0.7 ? "high" : probability >= 0.4 ? "medium" : "low";
  }

  /** Up to three distinct drivers in the model's order (none for some). */
  private List<String> drivers() {
    List<String> pool = new ArrayList<>(DRIVERS);
    java.util.Collections.shuffle(pool, random);
    return List.copyOf(pool.subList(0, random.nextInt(4)));
  }

  // --- writing it
  // ---------------------------------------------------------------------------------

  List<String> inserts() {
    List<String> statements = new ArrayList<>();
    List<String> kpiRows = new ArrayList<>();
    for (Kpi k : kpi) {
      kpiRows.add(kpiRow(k, Seed.ZONE.getId(), 1, 2L));
      // an older run of the day with other numbers, and another time zone's rollup
      kpiRows.add(kpiRow(k, Seed.ZONE.getId(), 7, 1L));
      kpiRows.add(kpiRow(k, OTHER_ZONE, 5, 2L));
    }
    Seed.insert(
        statements,
        "kpi_daily",
        "local_date, time_zone, dimension, dimension_value, created, solved, solved_tickets, fcr,"
            + " zero_reply_solved, reopened, backlog, backlog_at, version",
        kpiRows);
    List<String> sentimentRows = new ArrayList<>();
    for (Sentiment s : sentiments) {
      sentimentRows.add(sentimentRow(s, s.level(), s.label(), 2L));
      sentimentRows.add(sentimentRow(s, -s.level(), "stale", 1L));
    }
    Seed.insert(
        statements,
        "sentiment_tickets",
        "ticket_id, ticket_date, first_message_at, last_message_at, messages, level, trend,"
            + " first_score, last_score, label, models, version",
        sentimentRows);
    List<String> dissatisfactionRows = new ArrayList<>();
    for (Dissatisfaction d : dissatisfaction) {
      dissatisfactionRows.add(dissatisfactionRow(d, d.asOf(), d.probability(), d.band(), 2L));
      // the same day's earlier run, and the day before: neither is the newest score
      dissatisfactionRows.add(dissatisfactionRow(d, d.asOf(), 1 - d.probability(), "stale", 1L));
      dissatisfactionRows.add(
          dissatisfactionRow(d, d.asOf().minusDays(1), 1 - d.probability(), "older", 3L));
    }
    Seed.insert(
        statements,
        "dissatisfaction_scores",
        "as_of, ticket_id, customer_id, team, channel, priority, ticket_status, model_version,"
            + " probability, risk_band, top_drivers, version",
        dissatisfactionRows);
    List<String> churnRows = new ArrayList<>();
    for (Churn c : churn) {
      churnRows.add(churnRow(c, c.asOf(), c.probability(), c.band(), 2L));
      churnRows.add(churnRow(c, c.asOf(), 1 - c.probability(), "stale", 1L));
      churnRows.add(churnRow(c, c.asOf().minusDays(7), 1 - c.probability(), "older", 3L));
    }
    Seed.insert(
        statements,
        "churn_scores",
        "as_of, customer_id, model_version, probability, risk_band, top_drivers, version",
        churnRows);
    List<String> eventRows = new ArrayList<>();
    for (Ticket t : tickets) {
      String customer = customerOf.get(t.id());
      if (customer == null) {
        continue;
      }
      // the customer's ticket, a message of theirs, and an agent's note that names no customer
      eventRows.add(
          eventRow(t, "created", t.frStartedAt(), "ticket_created", "customer", customer));
      eventRows.add(
          eventRow(
              t,
              "message",
              t.frStartedAt().plusMinutes(10),
              "customer_message",
              "customer",
              customer));
      eventRows.add(
          eventRow(t, "note", t.frStartedAt().plusMinutes(20), "internal_note", "agent", ""));
    }
    Seed.insert(
        statements,
        "ticket_events",
        "event_id, ticket_id, occurred_at, occurred_at_ms, local_date, event_type, channel,"
            + " author_role, customer_id, team, priority, version",
        eventRows);
    return statements;
  }

  private static String kpiRow(Kpi k, String zone, int factor, long version) {
    return Seed.values(
        k.day(),
        zone,
        k.dimension(),
        k.value(),
        k.created() * factor,
        k.solved() * factor,
        k.solvedTickets() * factor,
        k.fcr() * (factor == 1 ? 1 : 0),
        k.zeroReplySolved() * factor,
        k.reopened() * factor,
        k.backlog() * factor,
        k.day().atTime(20, 30),
        version);
  }

  private static String sentimentRow(Sentiment s, double level, String label, long version) {
    return Seed.values(
        s.ticketId(),
        Seed.localDateOf(s.firstMessageAt()),
        s.firstMessageAt(),
        s.firstMessageAt().plusHours(1),
        s.messages(),
        level,
        s.trend(),
        level,
        level + s.trend(),
        label,
        label.isEmpty() ? "" : "corenlp-en@4.5.10",
        version);
  }

  private static String dissatisfactionRow(
      Dissatisfaction d, LocalDate asOf, double probability, String band, long version) {
    return Seed.values(
        asOf,
        d.ticketId(),
        d.customerId(),
        d.team(),
        d.channel(),
        d.priority(),
        d.status(),
        "dissatisfaction-1",
        probability,
        band,
        band.equals(d.band()) ? d.drivers() : List.of("stale_driver"),
        version);
  }

  private static String churnRow(
      Churn c, LocalDate asOf, double probability, String band, long version) {
    return Seed.values(
        asOf,
        c.customerId(),
        "churn-1",
        probability,
        band,
        band.equals(c.band()) ? c.drivers() : List.of("stale_driver"),
        version);
  }

  private static String eventRow(
      Ticket t, String suffix, LocalDateTime at, String type, String role, String customer) {
    return Seed.values(
        t.id() + "-" + suffix,
        t.id(),
        at,
        0,
        Seed.localDateOf(at),
        type,
        t.channel(),
        role,
        customer,
        t.team(),
        t.priority(),
        1L);
  }
}
