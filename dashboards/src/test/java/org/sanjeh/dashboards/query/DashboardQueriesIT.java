package org.sanjeh.dashboards.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.core.survey.Score;
import org.sanjeh.core.survey.SurveyScores;
import org.sanjeh.dashboards.definition.Chart;
import org.sanjeh.dashboards.definition.Dashboard;
import org.sanjeh.dashboards.definition.Dataset;
import org.sanjeh.dashboards.definition.DefinitionLoader;
import org.sanjeh.dashboards.definition.Definitions;
import org.sanjeh.dashboards.query.Seed.Invitation;
import org.sanjeh.dashboards.query.Seed.Target;
import org.sanjeh.dashboards.query.Seed.Ticket;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * Every chart of the bundled dashboards against a real ClickHouse holding {@link Seed}'s data. The
 * expected numbers are computed here in Java from the seed's records (local days with java.time,
 * scores with core's SurveyScores), never by running the dashboards' SQL.
 */
@ExtendWith(ClickHouseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardQueriesIT {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
  private static final LocalDate FROM = LocalDate.of(2026, 11, 29);

  /** Two of the seed's four local days: the filter must leave the others out. */
  private static final Filters TWO_DAYS = Filters.days(FROM, TODAY, TODAY);

  private final Seed seed = new Seed();
  private DashboardQueries queries;

  @BeforeAll
  void seedTheWarehouse(Warehouse warehouse) {
    seed.writeTo(warehouse);
    queries = new DashboardQueries(warehouse, DefinitionLoader.bundled(), Seed.ZONE);
  }

  // --- Live service ------------------------------------------------------------------------------

  @Test
  void openBacklogCountsTheOpenTicketsWhateverTheDateFilter() {
    Filters oneOldDay = Filters.days(Seed.FIRST_DAY, Seed.FIRST_DAY, TODAY);

    assertThat(single(queries.run("open_backlog", oneOldDay), "open_tickets"))
        .isEqualTo(count(seed.tickets, Ticket::open));
    assertThat(single(queries.run("open_backlog", oneOldDay.withTeams("billing")), "open_tickets"))
        .isEqualTo(count(seed.tickets, t -> t.open() && t.team().equals("billing")));
  }

  @Test
  void firstResponseTimesOfTodayAndYesterdayAreTheExactQuantilesOfThoseLocalDays() {
    ChartResult result =
        queries.run("frt_today_vs_yesterday", Filters.days(Seed.FIRST_DAY, Seed.FIRST_DAY, TODAY));

    assertThat(result.rows())
        .extracting(r -> r.get("local_date"))
        .containsExactly(TODAY.minusDays(1), TODAY);
    for (Map<String, Object> row : result.rows()) {
      LocalDate day = (LocalDate) row.get("local_date");
      List<Double> times =
          seed.tickets.stream()
              .filter(t -> t.localDate().equals(day) && t.answered())
              .map(Ticket::frBusinessS)
              .toList();
      assertThat(row.get("first_responses")).isEqualTo((long) times.size());
      assertThat((double) row.get("frt_p50_min"))
          .isCloseTo(quantile(times, 0.5) / 60, within(1e-9));
      assertThat((double) row.get("frt_p90_min"))
          .isCloseTo(quantile(times, 0.9) / 60, within(1e-9));
    }
  }

  @Test
  void slaComplianceIsAchievedOverAchievedPlusBreachedPerTargetByTheLocalDayItWasMetOrDue() {
    ChartResult result = queries.run("sla_compliance_by_target", TWO_DAYS);

    Map<String, long[]> expected = new TreeMap<>();
    for (Ticket ticket : seed.tickets) {
      for (Target target : ticket.targets()) {
        if (inRange(Seed.localDateOf(target.decidedAt()))) {
          long[] counts = expected.computeIfAbsent(target.name(), k -> new long[2]);
          counts[0] += target.status().equals("achieved") ? 1 : 0;
          counts[1] += target.status().equals("breached") ? 1 : 0;
        }
      }
    }
    assertThat(result.rows())
        .extracting(r -> r.get("target"))
        .containsExactlyElementsOf(expected.keySet());
    for (Map<String, Object> row : result.rows()) {
      long[] counts = expected.get((String) row.get("target"));
      assertThat(row.get("achieved")).isEqualTo(counts[0]);
      assertThat(row.get("breached")).isEqualTo(counts[1]);
      assertThat((double) row.get("compliance"))
          .isCloseTo((double) counts[0] / (counts[0] + counts[1]), within(1e-12));
    }
  }

  @Test
  void atRiskAndBreachedListsTheOpenTicketsTargetsInThoseStatesOnly() {
    ChartResult result = queries.run("at_risk_and_breached", TWO_DAYS);

    Set<String> atRisk = new HashSet<>();
    seed.atRiskAlerts.forEach(a -> atRisk.add(a.ticketId() + "/" + a.target() + "/" + a.dueAt()));
    Set<String> expected = new HashSet<>();
    for (Ticket ticket : seed.tickets) {
      for (Target target : ticket.targets()) {
        boolean risky =
            target.status().equals("running")
                && atRisk.contains(ticket.id() + "/" + target.name() + "/" + target.dueAt());
        if (ticket.open() && (target.status().equals("breached") || risky)) {
          expected.add(ticket.id() + "/" + target.name() + "/" + (risky ? "at_risk" : "breached"));
        }
      }
    }
    assertThat(result.rows())
        .extracting(r -> r.get("ticket_id") + "/" + r.get("target") + "/" + r.get("state"))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(result.rows()).extracting(r -> (long) r.get("seconds_to_due")).isSorted();
  }

  @Test
  void volumeByChannelAddsUpTheNewestMinutesPerLocalQuarterHour() {
    ChartResult result = queries.run("volume_by_channel", TWO_DAYS.withChannels("chat", "email"));

    Map<String, Long> expected = new TreeMap<>();
    for (Seed.Minute m : seed.minutes) {
      LocalDateTime local = Seed.localWallClock(m.minute());
      if (inRange(local.toLocalDate()) && !m.channel().equals("whatsapp")) {
        LocalDateTime quarter = local.withMinute(local.getMinute() / 15 * 15);
        expected.merge(quarter + " " + m.channel(), (long) m.created(), Long::sum);
      }
    }
    Map<String, Long> actual = new TreeMap<>();
    result
        .rows()
        .forEach(
            r ->
                actual.put(
                    r.get("time_bucket") + " " + r.get("channel"),
                    (Long) r.get("tickets_created")));
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void theTeamAndAgentTableGroupsTicketsOfTheFilteredDays() {
    ChartResult result = queries.run("team_and_agent", TWO_DAYS.withPriorities("high", "urgent"));

    Map<String, List<Ticket>> groups =
        seed.tickets.stream()
            .filter(t -> inRange(t.localDate()) && !t.priority().equals("normal"))
            .collect(
                Collectors.groupingBy(
                    t -> t.team() + "/" + t.agent(), TreeMap::new, Collectors.toList()));
    assertThat(result.rows())
        .extracting(r -> r.get("team") + "/" + r.get("agent_id"))
        .containsExactlyElementsOf(groups.keySet());
    for (Map<String, Object> row : result.rows()) {
      List<Ticket> tickets = groups.get(row.get("team") + "/" + row.get("agent_id"));
      List<Double> times =
          tickets.stream().filter(Ticket::answered).map(Ticket::frBusinessS).toList();
      long achieved = count(tickets, t -> t.frStatus().equals("achieved"));
      long breached = count(tickets, t -> t.frStatus().equals("breached"));
      assertThat(row.get("tickets")).isEqualTo((long) tickets.size());
      assertThat(row.get("open_tickets")).isEqualTo(count(tickets, Ticket::open));
      assertThat(row.get("first_responses")).isEqualTo((long) times.size());
      if (!times.isEmpty()) {
        assertThat((double) row.get("frt_p50_min"))
            .isCloseTo(quantile(times, 0.5) / 60, within(1e-9));
      }
      if (achieved + breached > 0) {
        assertThat((double) row.get("fr_compliance"))
            .isCloseTo((double) achieved / (achieved + breached), within(1e-12));
      }
    }
  }

  @Test
  void aFilterValueIsBoundNotSplicedIntoTheSql() {
    Filters hostile = TWO_DAYS.withTeams("billing' OR 1 = 1 OR team = '");

    assertThat(queries.run("team_and_agent", hostile).rows()).isEmpty();
    assertThat(single(queries.run("open_backlog", hostile), "open_tickets")).isEqualTo(0L);
  }

  @Test
  void everyFilterCountsARowRewrittenElsewhereOnceUnderItsLatestTeamChannelPriorityAndDay() {
    // the seed wrote earlier states of some tickets and invitations three times on other teams,
    // channels, priorities and days; the filters also apply inside the datasets (inner_filters)
    for (String team : Seed.TEAMS) {
      for (String channel : Seed.CHANNELS) {
        Filters filters = TWO_DAYS.withTeams(team).withChannels(channel);
        Predicate<Ticket> here = t -> t.team().equals(team) && t.channel().equals(channel);
        String where = team + "/" + channel;

        long tickets =
            queries.run("team_and_agent", filters).rows().stream()
                .mapToLong(r -> (Long) r.get("tickets"))
                .sum();
        assertThat(tickets)
            .as("tickets of %s", where)
            .isEqualTo(count(seed.tickets, t -> here.test(t) && inRange(t.localDate())));

        long decided =
            queries.run("sla_compliance_by_target", filters).rows().stream()
                .mapToLong(r -> (Long) r.get("achieved") + (Long) r.get("breached"))
                .sum();
        long expectedDecided =
            seed.tickets.stream()
                .filter(here)
                .flatMap(t -> t.targets().stream())
                .filter(x -> inRange(Seed.localDateOf(x.decidedAt())))
                .filter(x -> x.status().equals("achieved") || x.status().equals("breached"))
                .count();
        assertThat(decided).as("decided targets of %s", where).isEqualTo(expectedDecided);

        List<Invitation> invited =
            seed.invitations.stream()
                .filter(i -> i.team().equals(team) && i.channel().equals(channel))
                .filter(i -> inRange(Seed.localDateOf(i.invitedAt())))
                .toList();
        if (!invited.isEmpty()) {
          assertThat((double) single(queries.run("response_rate", filters), "response_rate"))
              .as("response rate of %s", where)
              .isCloseTo(
                  (double) count(invited, Invitation::answered) / invited.size(), within(1e-12));
        }
      }
    }
    for (String priority : Seed.PRIORITIES) {
      assertThat(
              single(
                  queries.run("open_backlog", TWO_DAYS.withPriorities(priority)), "open_tickets"))
          .as("open tickets of priority %s", priority)
          .isEqualTo(count(seed.tickets, t -> t.open() && t.priority().equals(priority)));
    }
  }

  // --- Experience --------------------------------------------------------------------------------

  @Test
  void csatPerLocalDayHasCoresWilsonIntervalAndItsSampleSize() {
    checkScoresPerDay("csat_over_time", "csat", SurveyScores::csat, 1e-9);
  }

  @Test
  void npsPerLocalDayHasCoresIntervalAndItsSampleSize() {
    checkScoresPerDay("nps_over_time", "nps", SurveyScores::nps, 1e-9);
  }

  @Test
  void cesPerLocalDayHasCoresStudentTIntervalAndItsSampleSize() {
    ChartResult result = checkScoresPerDay("ces_over_time", "ces", SurveyScores::ces, 1e-6);

    for (Map<String, Object> row : result.rows()) {
      List<Integer> scores =
          answeredScores(
              "ces", (LocalDate) row.get("time_bucket"), i -> i.team().equals("billing"));
      assertThat((double) row.get("ces_agreeing_share"))
          .isCloseTo(SurveyScores.ces(scores, 0).agreeing(), within(1e-12));
    }
  }

  @Test
  void cesOfADayWithMoreThanThirtyAnswersUsesTheLargeSampleQuantile() {
    ChartResult result = queries.run("ces_over_time", TWO_DAYS);

    assertThat(result.rows()).isNotEmpty();
    for (Map<String, Object> row : result.rows()) {
      List<Integer> scores = answeredScores("ces", (LocalDate) row.get("time_bucket"), i -> true);
      assertThat(scores).as("past the t table's 30 degrees of freedom").hasSizeGreaterThan(31);
      Score expected = SurveyScores.ces(scores, 0);
      assertThat((double) row.get("ces_low")).isCloseTo(expected.low(), within(1e-6));
      assertThat((double) row.get("ces_high")).isCloseTo(expected.high(), within(1e-6));
    }
  }

  @Test
  void theSeedPutsSomeInstantsOnAnotherUtcDayThanTheirLocalDay() {
    // without these, grouping by UTC days would pass every test above
    assertThat(seed.tickets)
        .anyMatch(
            t -> !t.frStartedAt().toLocalDate().equals(t.localDate()) && inRange(t.localDate()));
    assertThat(seed.invitations)
        .anyMatch(i -> !i.invitedAt().toLocalDate().equals(Seed.localDateOf(i.invitedAt())));
  }

  @Test
  void responseRateIsAnswersOverInvitationsOfTheFilteredDays() {
    ChartResult result = queries.run("response_rate", TWO_DAYS.withChannels("email"));

    List<Invitation> invited =
        seed.invitations.stream()
            .filter(i -> inRange(Seed.localDateOf(i.invitedAt())) && i.channel().equals("email"))
            .toList();
    assertThat((double) single(result, "response_rate"))
        .isCloseTo((double) count(invited, Invitation::answered) / invited.size(), within(1e-12));
  }

  @Test
  void detractorFollowUpsListTheStillUnhappyAnswersOfTheFilteredDaysNewestFirst() {
    ChartResult result = queries.run("detractor_followups", TWO_DAYS);

    List<String> expected =
        seed.alerts.stream()
            .filter(a -> inRange(Seed.localDateOf(a.answeredAt())))
            .sorted(Comparator.comparing(Seed.Alert::answeredAt).reversed())
            .map(a -> invitation(a.invitationId()).ticketId())
            .toList();
    assertThat(result.rows())
        .extracting(r -> r.get("ticket_id"))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void latestCommentsAreTheFiftyNewestNonEmptyOnesWithTheirTextIntact() {
    ChartResult result =
        queries.run(
            "latest_comments", Filters.days(Seed.FIRST_DAY, Seed.FIRST_DAY.plusDays(3), TODAY));

    List<String> expected =
        seed.invitations.stream()
            .filter(i -> i.answered() && !i.comment().isEmpty())
            .sorted(Comparator.comparing(Invitation::answeredAt).reversed())
            .limit(50)
            .map(Invitation::comment)
            .toList();
    assertThat(expected).hasSize(50);
    assertThat(result.rows()).extracting(r -> r.get("comment")).containsExactlyElementsOf(expected);
  }

  @Test
  void theMissingPriorityOfASurveyWithoutAnSlaTicketIsEmptyAndFilterable() {
    ChartResult all = queries.run("response_rate", TWO_DAYS);
    ChartResult withoutPriority =
        queries.run("response_rate", TWO_DAYS.withPriorities("normal", "high", "urgent"));

    List<Invitation> invited =
        seed.invitations.stream().filter(i -> inRange(Seed.localDateOf(i.invitedAt()))).toList();
    List<Invitation> known =
        invited.stream().filter(i -> !i.ticketId().startsWith("unknown-")).toList();
    assertThat((double) single(all, "response_rate"))
        .isCloseTo((double) count(invited, Invitation::answered) / invited.size(), within(1e-12));
    assertThat((double) single(withoutPriority, "response_rate"))
        .isCloseTo((double) count(known, Invitation::answered) / known.size(), within(1e-12));
  }

  // --- drill-down --------------------------------------------------------------------------------

  @Test
  void everyCountedNumberOfBothDashboardsDrillsDownToExactlyThatManyRows() {
    Definitions definitions = DefinitionLoader.bundled();
    Filters filters = TWO_DAYS.withTeams("billing");
    int tiles = 0;
    for (Dashboard dashboard : definitions.dashboards()) {
      for (Chart chart : dashboard.charts()) {
        Dataset dataset = definitions.dataset(chart.dataset());
        List<String> counted =
            chart.metrics().stream()
                .filter(m -> dataset.metric(m).orElseThrow().counts().isPresent())
                .toList();
        if (chart.raw() || counted.isEmpty()) {
          continue;
        }
        for (Map<String, Object> row : queries.run(chart.id(), filters).rows()) {
          Map<String, Object> tile = new java.util.HashMap<>();
          chart.dimensions().forEach(d -> tile.put(d, row.get(d)));
          if (row.containsKey("time_bucket")) {
            tile.put("time_bucket", row.get("time_bucket"));
          }
          for (String metric : counted) {
            ChartResult list = queries.drill(chart.id(), metric, tile, filters);
            assertThat((long) list.rows().size())
                .as(chart.id() + " " + metric + " at " + tile)
                .isEqualTo(row.get(metric));
            assertThat(list.rows()).allMatch(r -> r.get("team").equals("billing"));
            tiles++;
          }
        }
      }
    }
    assertThat(tiles).as("tiles checked").isGreaterThan(20);
  }

  @Test
  void theOpenBacklogDrillsDownToTheOpenTicketsThemselves() {
    ChartResult list = queries.drill("open_backlog", "open_tickets", Map.of(), TWO_DAYS);

    assertThat(list.rows())
        .extracting(r -> r.get("ticket_id"))
        .containsExactlyInAnyOrderElementsOf(
            seed.tickets.stream().filter(Ticket::open).map(Ticket::id).toList());
  }

  @Test
  void everyRateOfBothDashboardsIsItsNumeratorListOverItsDenominatorList() {
    Definitions definitions = DefinitionLoader.bundled();
    int tiles = 0;
    for (Filters filters : List.of(TWO_DAYS, TWO_DAYS.withTeams("billing"))) {
      for (Dashboard dashboard : definitions.dashboards()) {
        for (Chart chart : dashboard.charts()) {
          Dataset dataset = definitions.dataset(chart.dataset());
          List<String> rates =
              chart.metrics().stream()
                  .filter(m -> dataset.metric(m).orElseThrow().isRate())
                  .toList();
          if (chart.raw() || rates.isEmpty()) {
            continue;
          }
          for (Map<String, Object> row : queries.run(chart.id(), filters).rows()) {
            Map<String, Object> tile = tileOf(chart, row);
            for (String metric : rates) {
              DashboardQueries.RateDrill lists =
                  queries.drillRate(chart.id(), metric, tile, filters);
              int over = lists.denominator().rows().size();
              String what = chart.id() + " " + metric + " at " + tile;
              if (over == 0) {
                assertThat((Double) row.get(metric)).as(what).isNaN();
                continue;
              }
              assertThat((Double) row.get(metric))
                  .as(what)
                  .isCloseTo((double) lists.numerator().rows().size() / over, within(1e-12));
              Set<Object> denominator =
                  lists.denominator().rows().stream()
                      .map(r -> r.get("ticket_id"))
                      .collect(Collectors.toSet());
              assertThat(lists.numerator().rows())
                  .as(what + ": the numerator's tickets are among the denominator's")
                  .allMatch(r -> denominator.contains(r.get("ticket_id")));
              tiles++;
            }
          }
        }
      }
    }
    assertThat(tiles).as("rate tiles checked").isGreaterThan(10);
  }

  @Test
  void aQuantileHasNoListBehindItAndARateNamesItsTwoLists() {
    assertThatThrownBy(
            () ->
                queries.drill(
                    "frt_today_vs_yesterday", "frt_p50_min", Map.of("local_date", TODAY), TWO_DAYS))
        .hasMessage("metric frt_p50_min is not a count of rows, so it has no list behind it");
    assertThatThrownBy(
            () ->
                queries.drill(
                    "sla_compliance_by_target",
                    "compliance",
                    Map.of("target", "resolution"),
                    TWO_DAYS))
        .hasMessage("metric compliance is a rate: its lists are its numerator's and denominator's");
  }

  private static Map<String, Object> tileOf(Chart chart, Map<String, Object> row) {
    Map<String, Object> tile = new java.util.HashMap<>();
    chart.dimensions().forEach(d -> tile.put(d, row.get(d)));
    if (row.containsKey("time_bucket")) {
      tile.put("time_bucket", row.get("time_bucket"));
    }
    return tile;
  }

  @Test
  void aTileMustBeNamedByItsChartsDimensions() {
    assertThatThrownBy(
            () ->
                queries.drill(
                    "sla_compliance_by_target", "breached", Map.of("team", "billing"), TWO_DAYS))
        .hasMessage("a tile of chart sla_compliance_by_target is named by [target], got [team]");
  }

  // --- helpers -----------------------------------------------------------------------------------

  private interface ScoreOf {
    Score of(List<Integer> scores, long invited);
  }

  private ChartResult checkScoresPerDay(
      String chart, String kind, ScoreOf score, double tolerance) {
    ChartResult result = queries.run(chart, TWO_DAYS.withTeams("billing"));
    Predicate<Invitation> billing = i -> i.team().equals("billing");

    Set<LocalDate> days = new java.util.TreeSet<>();
    seed.invitations.stream()
        .filter(i -> billing.test(i) && inRange(Seed.localDateOf(i.invitedAt())))
        .forEach(i -> days.add(Seed.localDateOf(i.invitedAt())));
    assertThat(result.rows()).extracting(r -> r.get("time_bucket")).containsExactlyElementsOf(days);
    for (Map<String, Object> row : result.rows()) {
      Score expected =
          score.of(answeredScores(kind, (LocalDate) row.get("time_bucket"), billing), 0);
      assertThat(row.get(kind + "_answered")).isEqualTo(expected.answered());
      if (expected.answered() > 0) {
        assertThat((double) row.get(kind)).isCloseTo(expected.value(), within(tolerance));
        assertThat((double) row.get(kind + "_low")).isCloseTo(expected.low(), within(tolerance));
        assertThat((double) row.get(kind + "_high")).isCloseTo(expected.high(), within(tolerance));
      }
    }
    return result;
  }

  private List<Integer> answeredScores(String kind, LocalDate day, Predicate<Invitation> also) {
    return seed.invitations.stream()
        .filter(
            i ->
                i.kind().equals(kind)
                    && i.answered()
                    && Seed.localDateOf(i.invitedAt()).equals(day)
                    && also.test(i))
        .map(Invitation::score)
        .toList();
  }

  private Invitation invitation(String id) {
    return seed.invitations.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
  }

  /** ClickHouse's quantileExact: the value at position ⌊level × n⌋ of the sorted values. */
  private static double quantile(List<Double> values, double level) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get((int) Math.floor(level * sorted.size()));
  }

  private static boolean inRange(LocalDate day) {
    return !day.isBefore(FROM) && !day.isAfter(TODAY);
  }

  private static <T> long count(List<T> items, Predicate<T> predicate) {
    return items.stream().filter(predicate).count();
  }

  private static Object single(ChartResult result, String column) {
    assertThat(result.rows()).hasSize(1);
    return result.rows().get(0).get(column);
  }
}
