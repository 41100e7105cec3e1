package org.sanjeh.dashboards.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.dashboards.definition.DefinitionLoader;
import org.sanjeh.dashboards.query.BatchSeed.Churn;
import org.sanjeh.dashboards.query.BatchSeed.Dissatisfaction;
import org.sanjeh.dashboards.query.BatchSeed.Kpi;
import org.sanjeh.dashboards.query.BatchSeed.Sentiment;
import org.sanjeh.dashboards.query.Seed.Invitation;
import org.sanjeh.dashboards.query.Seed.Target;
import org.sanjeh.dashboards.query.Seed.Ticket;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * The charts over the batch jobs' tables (Quality and trends, Churn risk, the tickets to rescue on
 * Live service, the sentiment of Experience's latest comments) against a real ClickHouse holding
 * {@link Seed}'s warehouse and {@link BatchSeed}'s batch tables, with older runs, stale versions
 * and another time zone's rollups beside the newest rows. Every expected number is computed here
 * from the seed's records, never by running the dashboards' SQL. (That their counts drill down to
 * exactly their rows is checked for every dashboard by DashboardQueriesIT.)
 */
@ExtendWith(ClickHouseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchDashboardsIT {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
  private static final LocalDate FROM = LocalDate.of(2026, 11, 29);
  private static final Filters TWO_DAYS = Filters.days(FROM, TODAY, TODAY);

  private final Seed seed = new Seed();
  private final BatchSeed batch = seed.batch;
  private DashboardQueries queries;

  @BeforeAll
  void seedTheWarehouse(Warehouse warehouse) {
    seed.writeTo(warehouse);
    queries = new DashboardQueries(warehouse, DefinitionLoader.bundled(), Seed.ZONE);
  }

  // --- rollups ----------------------------------------------------------------------------------

  @Test
  void fcrAndReopenRatePerDayAreTheNewestOverallRollupOfTheBusinessTimeZone() {
    ChartResult result = queries.run("fcr_and_reopens_by_day", TWO_DAYS);

    assertThat(result.rows()).extracting(r -> r.get("time_bucket")).containsExactly(FROM, TODAY);
    for (Map<String, Object> row : result.rows()) {
      List<Kpi> day = kpi((LocalDate) row.get("time_bucket"), k -> k.dimension().equals("all"));
      assertKpi(row, day);
    }
  }

  @Test
  void aTeamFilterReadsThoseTeamsRowsAndAChannelFilterThatChannelsRows() {
    Map<String, Object> billing =
        single(queries.run("fcr_rate_total", TWO_DAYS.withTeams("billing", "tech")));
    Map<String, Object> email = single(queries.run("reopen_rate_total", withChannel("email")));

    assertKpi(billing, inRange(k -> k.dimension().equals("team")), "fcr_rate");
    assertKpi(email, inRange(k -> k.value().equals("email")), "reopen_rate");
    ChartResult day = queries.run("solves_and_backlog_by_day", TWO_DAYS.withTeams("tech"));
    for (Map<String, Object> row : day.rows()) {
      Kpi tech = kpi((LocalDate) row.get("time_bucket"), k -> k.value().equals("tech")).get(0);
      assertThat(row.get("solves")).isEqualTo((long) tech.solved());
      assertThat(row.get("new_tickets")).isEqualTo((long) tech.created());
      assertThat(row.get("zero_reply_solves")).isEqualTo((long) tech.zeroReplySolved());
      assertThat(row.get("backlog_at_snapshot")).isEqualTo((long) tech.backlog());
    }
  }

  @Test
  void theRollupsHaveNoTeamByChannelOrPriorityFiguresSoSuchFiltersShowNothingRatherThanWrong() {
    Filters teamAndChannel = withChannel("email").withTeams("billing");

    assertThat(queries.run("fcr_and_reopens_by_day", teamAndChannel).rows()).isEmpty();
    assertThat(queries.run("fcr_and_reopens_by_day", TWO_DAYS.withPriorities("high")).rows())
        .isEmpty();
  }

  // --- resolution times -------------------------------------------------------------------------

  @Test
  void resolutionTimesAreBucketedByBusinessHoursToTheFirstSolveOnItsLocalDay() {
    ChartResult result = queries.run("resolution_time_distribution", TWO_DAYS);

    Map<String, Long> expected = new TreeMap<>();
    for (Ticket t : seed.tickets) {
      if (t.solved() && inRange(Seed.localDateOf(t.firstSolvedAt()))) {
        expected.merge(bucket(t.firstResolutionS()), 1L, Long::sum);
      }
    }
    assertThat(expected).hasSizeGreaterThan(3);
    Map<String, Object> actual = new TreeMap<>();
    result
        .rows()
        .forEach(r -> actual.put((String) r.get("resolution_bucket"), r.get("resolved_tickets")));
    assertThat(actual).isEqualTo(new TreeMap<>(expected));
    assertThat(result.rows())
        .extracting(r -> r.get("resolution_bucket"))
        .as("the buckets in their own order")
        .containsExactlyElementsOf(expected.keySet());
  }

  @Test
  void resolutionQuantilesPerPriorityAreTheExactOnes() {
    ChartResult result = queries.run("resolution_time_by_priority", TWO_DAYS.withTeams("billing"));

    for (Map<String, Object> row : result.rows()) {
      List<Double> hours =
          seed.tickets.stream()
              .filter(
                  t ->
                      t.solved()
                          && t.team().equals("billing")
                          && t.priority().equals(row.get("priority"))
                          && inRange(Seed.localDateOf(t.firstSolvedAt())))
              .map(t -> t.firstResolutionS() / 3600)
              .sorted()
              .toList();
      assertThat(row.get("resolved_tickets")).isEqualTo((long) hours.size());
      assertThat((double) row.get("resolution_p50_h"))
          .isCloseTo(hours.get(hours.size() / 2), within(1e-9));
      assertThat((double) row.get("resolution_p90_h"))
          .isCloseTo(hours.get((int) Math.floor(0.9 * hours.size())), within(1e-9));
    }
    assertThat(result.rows()).isNotEmpty();
  }

  // --- sentiment
  // ----------------------------------------------------------------------------------

  @Test
  void sentimentPerChannelAveragesTheNewestScoresOfTheTicketsFirstMessagedThoseDays() {
    ChartResult result = queries.run("sentiment_by_channel", TWO_DAYS);

    Map<String, List<Sentiment>> byChannel = new TreeMap<>();
    for (Sentiment s : batch.sentiments) {
      if (!s.label().isEmpty() && inRange(Seed.localDateOf(s.firstMessageAt()))) {
        byChannel
            .computeIfAbsent(seed.ticket(s.ticketId()).channel(), k -> new ArrayList<>())
            .add(s);
      }
    }
    assertThat(result.rows())
        .extracting(r -> r.get("channel"))
        .containsExactlyElementsOf(byChannel.keySet());
    for (Map<String, Object> row : result.rows()) {
      List<Sentiment> scored = byChannel.get((String) row.get("channel"));
      assertThat(row.get("scored_tickets")).isEqualTo((long) scored.size());
      assertThat((double) row.get("sentiment_level"))
          .isCloseTo(
              scored.stream().mapToDouble(Sentiment::level).average().orElseThrow(), within(1e-9));
      assertThat((double) row.get("sentiment_trend"))
          .isCloseTo(
              scored.stream().mapToDouble(Sentiment::trend).average().orElseThrow(), within(1e-9));
      assertThat((double) row.get("negative_share"))
          .isCloseTo(
              (double) scored.stream().filter(s -> s.label().equals("negative")).count()
                  / scored.size(),
              within(1e-12));
    }
  }

  @Test
  void latestCommentsShowTheirTicketsSentimentWhereTheBatchScoredIt() {
    ChartResult result =
        queries.run(
            "latest_comments", Filters.days(Seed.FIRST_DAY, Seed.FIRST_DAY.plusDays(3), TODAY));

    int scored = 0;
    for (Map<String, Object> row : result.rows()) {
      Invitation invitation = invitationOfComment((String) row.get("comment"));
      Optional<Sentiment> sentiment =
          batch.sentiments.stream()
              .filter(s -> s.ticketId().equals(invitation.ticketId()))
              .findFirst();
      assertThat(row.get("sentiment_label"))
          .as(invitation.id())
          .isEqualTo(sentiment.map(Sentiment::label).orElse(""));
      Optional<Sentiment> labelled = sentiment.filter(s -> !s.label().isEmpty());
      if (labelled.isPresent()) {
        assertThat((double) row.get("sentiment_level"))
            .isCloseTo(labelled.get().level(), within(1e-12));
        scored++;
      } else {
        assertThat((double) row.get("sentiment_level")).as("no score, not 0").isNaN();
      }
    }
    assertThat(scored).as("comments with a scored ticket").isPositive();
    assertThat(scored).as("and some without").isLessThan(result.rows().size());
  }

  // --- low scores and dissatisfaction
  // -------------------------------------------------------------

  @Test
  void lowScoreRateBySlaOutcomeAndPriorityUsesTheLabelOfTheDissatisfactionModel() {
    ChartResult result = queries.run("low_scores_by_sla", TWO_DAYS);

    Map<List<String>, long[]> expected = new TreeMap<>(Comparator.comparing(List::toString));
    for (Invitation i : seed.invitations) {
      if (!i.answered() || !inRange(Seed.localDateOf(i.answeredAt()))) {
        continue;
      }
      Optional<Ticket> ticket =
          seed.tickets.stream().filter(t -> t.id().equals(i.ticketId())).findFirst();
      List<String> key =
          List.of(
              ticket.map(t -> breached(t) ? "yes" : "no").orElse("unknown"),
              ticket.map(Ticket::priority).orElse(""));
      long[] counts = expected.computeIfAbsent(key, k -> new long[2]);
      counts[0]++;
      counts[1] += low(i.kind(), i.score()) ? 1 : 0;
    }
    assertThat(result.rows()).hasSize(expected.size());
    for (Map<String, Object> row : result.rows()) {
      long[] counts =
          expected.get(List.of((String) row.get("sla_breached"), (String) row.get("priority")));
      assertThat(counts).as(row.toString()).isNotNull();
      assertThat(row.get("answered_surveys")).isEqualTo(counts[0]);
      assertThat(row.get("low_scores")).isEqualTo(counts[1]);
      assertThat((double) row.get("low_score_rate"))
          .isCloseTo((double) counts[1] / counts[0], within(1e-12));
    }
    assertThat(expected.keySet()).extracting(k -> k.get(0)).contains("yes", "no", "unknown");
  }

  @Test
  void dissatisfactionDriversCountTheAtRiskTicketsOfTheNewestScores() {
    ChartResult result = queries.run("dissatisfaction_drivers", TWO_DAYS);

    Map<String, Long> expected = new TreeMap<>();
    for (Dissatisfaction d : batch.dissatisfaction) {
      boolean known = !d.ticketId().equals(BatchSeed.UNKNOWN_TICKET);
      if (!known || !inRange(seed.ticket(d.ticketId()).localDate())) {
        continue;
      }
      boolean atRisk = !d.band().equals("low");
      if (d.drivers().isEmpty()) {
        expected.merge("", 0L, Long::sum);
      }
      for (String driver : d.drivers()) {
        expected.merge(driver, atRisk ? 1L : 0L, Long::sum);
      }
    }
    Map<String, Object> actual = new TreeMap<>();
    result.rows().forEach(r -> actual.put((String) r.get("driver"), r.get("at_risk_with_driver")));
    assertThat(actual).isEqualTo(new TreeMap<>(expected));
    List<Long> counts =
        result.rows().stream().map(r -> (Long) r.get("at_risk_with_driver")).toList();
    assertThat(counts).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void ticketsToRescueAreTheOpenTicketsByTheirNewestDissatisfactionRiskHighestFirst() {
    ChartResult result = queries.run("tickets_to_rescue", TWO_DAYS.withTeams("tech"));

    List<Dissatisfaction> expected =
        batch.dissatisfaction.stream()
            .filter(
                d ->
                    d.ticketId().equals(BatchSeed.UNKNOWN_TICKET)
                        || seed.ticket(d.ticketId()).open())
            .filter(d -> d.team().equals("tech"))
            .sorted(
                Comparator.comparing(Dissatisfaction::probability)
                    .reversed()
                    .thenComparing(Dissatisfaction::ticketId))
            .limit(50)
            .toList();
    assertThat(result.rows())
        .extracting(r -> r.get("ticket_id"))
        .containsExactlyElementsOf(expected.stream().map(Dissatisfaction::ticketId).toList())
        .contains(BatchSeed.UNKNOWN_TICKET);
    for (int i = 0; i < expected.size(); i++) {
      Map<String, Object> row = result.rows().get(i);
      Dissatisfaction d = expected.get(i);
      assertThat((double) row.get("probability")).isCloseTo(d.probability(), within(1e-12));
      assertThat(row.get("risk_band")).isEqualTo(d.band());
      assertThat(row.get("top_drivers")).isEqualTo(String.join(", ", d.drivers()));
    }
  }

  // --- churn
  // --------------------------------------------------------------------------------------

  @Test
  void customersByRiskBandCountTheNewestScoreOfEachCustomer() {
    ChartResult result = queries.run("customers_by_band", TWO_DAYS);

    Map<String, List<Churn>> byBand =
        batch.churn.stream()
            .collect(Collectors.groupingBy(Churn::band, TreeMap::new, Collectors.toList()));
    assertThat(result.rows())
        .extracting(r -> r.get("risk_band"))
        .containsExactlyElementsOf(byBand.keySet());
    for (Map<String, Object> row : result.rows()) {
      List<Churn> customers = byBand.get((String) row.get("risk_band"));
      assertThat(row.get("customers")).isEqualTo((long) customers.size());
      assertThat((double) row.get("mean_churn_probability"))
          .isCloseTo(
              customers.stream().mapToDouble(Churn::probability).average().orElseThrow(),
              within(1e-9));
    }
    assertThat(single(queries.run("high_risk_customers", TWO_DAYS)).get("high_risk_customers"))
        .isEqualTo(batch.churn.stream().filter(c -> c.band().equals("high")).count());
  }

  @Test
  void aTeamFilterKeepsTheCustomersWhoseLatestTicketIsThatTeamsAndTheirListOpensThatTicket() {
    Filters billing = TWO_DAYS.withTeams("billing");
    ChartResult result = queries.run("customers_by_band", billing);

    Map<String, List<String>> expected = new TreeMap<>();
    for (Churn c : batch.churn) {
      latestTicket(c.customerId())
          .filter(t -> t.team().equals("billing"))
          .ifPresent(t -> expected.computeIfAbsent(c.band(), k -> new ArrayList<>()).add(t.id()));
    }
    assertThat(result.rows())
        .extracting(r -> r.get("risk_band"))
        .containsExactlyElementsOf(expected.keySet());
    for (Map<String, Object> row : result.rows()) {
      String band = (String) row.get("risk_band");
      ChartResult list =
          queries.drill("customers_by_band", "customers", Map.of("risk_band", band), billing);
      assertThat(list.rows())
          .extracting(r -> r.get("ticket_id"))
          .containsExactlyInAnyOrderElementsOf(expected.get(band));
    }
  }

  @Test
  void churnDriversCountTheAtRiskCustomersNamingEachDriver() {
    ChartResult result = queries.run("churn_drivers", TWO_DAYS);

    Map<String, Long> expected = new TreeMap<>();
    for (Churn c : batch.churn) {
      if (c.drivers().isEmpty()) {
        expected.merge("", 0L, Long::sum);
      }
      c.drivers().forEach(d -> expected.merge(d, c.band().equals("low") ? 0L : 1L, Long::sum));
    }
    Map<String, Object> actual = new TreeMap<>();
    result
        .rows()
        .forEach(r -> actual.put((String) r.get("driver"), r.get("at_risk_customers_with_driver")));
    assertThat(actual).isEqualTo(new TreeMap<>(expected));
  }

  @Test
  void atRiskCustomersAreListedWithTheirTicketsOfThoseDaysAndEachTicketsOwnScores() {
    ChartResult result = queries.run("at_risk_customers", TWO_DAYS);

    Map<String, Churn> scores =
        batch.churn.stream().collect(Collectors.toMap(Churn::customerId, c -> c));
    List<Ticket> expected = new ArrayList<>();
    for (Ticket t : seed.tickets) {
      Churn churn = scores.get(batch.customerOf.get(t.id()));
      if (churn != null && !churn.band().equals("low") && inRange(t.localDate())) {
        expected.add(t);
      }
    }
    assertThat(expected).hasSizeGreaterThan(5);
    assertThat(result.rows())
        .extracting(r -> r.get("ticket_id"))
        .containsExactlyInAnyOrderElementsOf(expected.stream().map(Ticket::id).toList());
    List<Double> probabilities =
        result.rows().stream().map(r -> (Double) r.get("churn_probability")).toList();
    assertThat(probabilities).isSortedAccordingTo(Comparator.reverseOrder());
    for (Map<String, Object> row : result.rows()) {
      String ticketId = (String) row.get("ticket_id");
      Churn churn = scores.get(batch.customerOf.get(ticketId));
      assertThat(row.get("customer_id")).isEqualTo(churn.customerId());
      assertThat((double) row.get("churn_probability"))
          .isCloseTo(churn.probability(), within(1e-12));
      assertThat(row.get("top_drivers")).isEqualTo(String.join(", ", churn.drivers()));
      OptionalDouble dissatisfaction =
          batch.dissatisfaction.stream()
              .filter(d -> d.ticketId().equals(ticketId))
              .mapToDouble(Dissatisfaction::probability)
              .findFirst();
      if (dissatisfaction.isPresent()) {
        assertThat((double) row.get("dissatisfaction"))
            .isCloseTo(dissatisfaction.getAsDouble(), within(1e-12));
      } else {
        assertThat((double) row.get("dissatisfaction")).as("not scored, not 0").isNaN();
      }
      assertThat(row.get("sentiment_label"))
          .isEqualTo(
              batch.sentiments.stream()
                  .filter(s -> s.ticketId().equals(ticketId))
                  .map(Sentiment::label)
                  .findFirst()
                  .orElse(""));
      assertThat(row.get("survey_answer")).isEqualTo(lastAnswer(ticketId));
      assertThat(row.get("ticket_status")).isEqualTo(seed.ticket(ticketId).status());
    }
  }

  @Test
  void ticketsOfAtRiskCustomersPerDayDrillDownToThoseTickets() {
    ChartResult result = queries.run("at_risk_tickets_by_day", TWO_DAYS);

    for (Map<String, Object> row : result.rows()) {
      LocalDate day = (LocalDate) row.get("time_bucket");
      List<String> expected =
          seed.tickets.stream()
              .filter(t -> t.localDate().equals(day))
              .filter(
                  t ->
                      batch.churn.stream()
                          .anyMatch(
                              c ->
                                  c.customerId().equals(batch.customerOf.get(t.id()))
                                      && !c.band().equals("low")))
              .map(Ticket::id)
              .toList();
      ChartResult list =
          queries.drill(
              "at_risk_tickets_by_day",
              "at_risk_customer_tickets",
              Map.of("time_bucket", day),
              TWO_DAYS);
      assertThat(list.rows())
          .extracting(r -> r.get("ticket_id"))
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(row.get("at_risk_customer_tickets")).isEqualTo((long) expected.size());
    }
    assertThat(result.rows()).hasSize(2);
  }

  // --- helpers
  // ------------------------------------------------------------------------------------

  private Optional<Ticket> latestTicket(String customerId) {
    return seed.tickets.stream()
        .filter(t -> customerId.equals(batch.customerOf.get(t.id())))
        .max(Comparator.comparing(Ticket::frStartedAt));
  }

  private String lastAnswer(String ticketId) {
    return seed.invitations.stream()
        .filter(i -> i.answered() && i.ticketId().equals(ticketId))
        .max(Comparator.comparing(Invitation::answeredAt))
        .map(i -> i.kind() + " " + i.score())
        .orElse("");
  }

  private Invitation invitationOfComment(String comment) {
    return seed.invitations.stream()
        .filter(i -> i.comment().equals(comment))
        .findFirst()
        .orElseThrow();
  }

  private static boolean breached(Ticket t) {
    return t.targets().stream().map(Target::status).anyMatch("breached"::equals);
  }

  /** batch's LowScore: CSAT and CES 1-3, NPS 0-6. */
  private static boolean low(String kind, int score) {
    return kind.equals("nps") ? score <= 6 : score <= 3;
  }

  private static String bucket(double seconds) {
    double hours = seconds / 3600;
    return hours < 1
        ? "00-01 h"
        : hours < 4
            ? "01-04 h"
            : hours < 8 ? "04-08 h" : hours < 24 ? "08-24 h" : hours < 72 ? "24-72 h" : "72+ h";
  }

  private static Filters withChannel(String channel) {
    return Filters.days(FROM, TODAY, TODAY).withChannels(channel);
  }

  private List<Kpi> kpi(LocalDate day, Predicate<Kpi> which) {
    return batch.kpi.stream().filter(k -> k.day().equals(day) && which.test(k)).toList();
  }

  private List<Kpi> inRange(Predicate<Kpi> which) {
    return batch.kpi.stream().filter(k -> inRange(k.day()) && which.test(k)).toList();
  }

  private static void assertKpi(Map<String, Object> row, List<Kpi> rows, String... only) {
    double fcr = rows.stream().mapToInt(Kpi::fcr).sum();
    double judged = rows.stream().mapToInt(k -> k.solvedTickets() - k.zeroReplySolved()).sum();
    double reopened = rows.stream().mapToInt(Kpi::reopened).sum();
    double solved = rows.stream().mapToInt(Kpi::solved).sum();
    Map<String, Double> expected = new HashMap<>();
    expected.put("fcr_rate", fcr / judged);
    expected.put("reopen_rate", reopened / solved);
    List<String> names = only.length > 0 ? List.of(only) : List.copyOf(expected.keySet());
    assertThat(rows).isNotEmpty();
    for (String name : names) {
      assertThat((double) row.get(name)).as(name).isCloseTo(expected.get(name), within(1e-12));
    }
  }

  private static boolean inRange(LocalDate day) {
    return !day.isBefore(FROM) && !day.isAfter(TODAY);
  }

  private static Map<String, Object> single(ChartResult result) {
    assertThat(result.rows()).hasSize(1);
    return result.rows().get(0);
  }
}
