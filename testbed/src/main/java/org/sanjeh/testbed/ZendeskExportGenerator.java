package org.sanjeh.testbed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * DEV ONLY. Writes a Zendesk export in Fivetran's table shape whose SLA outcomes are known by
 * construction: every ticket is opened by its customer in business hours, gets a private note first
 * (which must not count as a reply), then an agent's public reply after a chosen number of business
 * minutes on the schedule (Sunday–Thursday 09:00–17:00 "Tehran", one holiday), so its first
 * response is breached exactly when that number exceeds its priority's target. Today's priority in
 * the ticket table is {@code urgent} for every third ticket although the field history says it was
 * {@code normal} until after the reply: an import that stamps today's values on the creation gets
 * those tickets wrong.
 *
 * <p>The business-minute walk here is this class's own (minutes of the schedule counted one by
 * one), independent of Sanjeh's {@code BusinessCalendar}.
 */
public final class ZendeskExportGenerator {

  /** Tehran has kept +03:30 all year since 2022. */
  private static final ZoneOffset TEHRAN = ZoneOffset.ofHoursMinutes(3, 30);

  private static final int OPEN_MINUTE = 9 * 60;
  private static final int CLOSE_MINUTE = 17 * 60;
  private static final Set<DayOfWeek> OPEN_DAYS =
      Set.of(
          DayOfWeek.SUNDAY,
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY);
  public static final LocalDate HOLIDAY = LocalDate.of(2024, 3, 20);
  private static final LocalDate FIRST_DAY = LocalDate.of(2024, 3, 3); // a Sunday
  private static final String[] PRIORITIES = {"low", "normal", "high", "urgent"};
  private static final long[] FIRST_REPLY_TARGETS = {240, 120, 60, 30};
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  public static final String POLICY_ID = "2001";

  /** What a ticket's first response must come out as. */
  public record Expected(
      String ticketId, String priorityAtCreation, long replyBusinessMinutes, long targetMinutes) {
    public boolean breached() {
      return replyBusinessMinutes > targetMinutes;
    }
  }

  /** Rows written, per table, and the expected outcomes. */
  public record Written(long tickets, long comments, long changes, List<Expected> expected) {}

  private ZendeskExportGenerator() {}

  /**
   * @param commentsPerTicket at least 3: the opening message, the private note, the reply; more are
   *     customer and agent messages an hour apart after it
   */
  public static Written write(Path folder, int tickets, int commentsPerTicket, long seed)
      throws IOException {
    Files.createDirectories(folder);
    Random random = new Random(seed);
    List<Expected> expected = new ArrayList<>();
    long comments = 0;
    long changes = 0;
    try (BufferedWriter ticket = writer(folder, "ticket.csv");
        BufferedWriter comment = writer(folder, "ticket_comment.csv");
        BufferedWriter history = writer(folder, "ticket_field_history.csv");
        BufferedWriter sla = writer(folder, "ticket_sla_policy.csv")) {
      ticket.write(
          "id,created_at,updated_at,via_channel,requester_id,submitter_id,assignee_id,group_id,subject,description,status,priority,merged_ticket_ids\n");
      comment.write("id,ticket_id,user_id,created,public,body\n");
      history.write("field_name,ticket_id,updated,user_id,value\n");
      sla.write("ticket_id,sla_policy_id,policy_applied_at\n");
      for (int i = 0; i < tickets; i++) {
        String id = Integer.toString(100_000 + i);
        String customer = Long.toString(9_000_000L + i);
        String agent = Integer.toString(500 + i % 20);
        int p = random.nextInt(PRIORITIES.length);
        long target = FIRST_REPLY_TARGETS[p];
        long delay = 5 + random.nextInt((int) (2 * target));
        LocalDateTime created = businessStart(i, random);
        LocalDateTime note = walk(created, 2);
        LocalDateTime reply = walk(created, delay);
        LocalDateTime solved = reply.plusHours(commentsPerTicket + 1L);
        String today = i % 3 == 0 ? "urgent" : PRIORITIES[p];
        ticket.write(
            String.join(
                    ",",
                    id,
                    utc(created),
                    utc(solved),
                    i % 5 == 0 ? "web" : "email",
                    customer,
                    customer,
                    agent,
                    "77",
                    "Order " + id,
                    "\"Where is my order " + id + "?\"",
                    "closed",
                    today,
                    "[]")
                + "\n");
        row(comment, id + "1", id, customer, created, true, "Where is my order " + id + "?");
        row(comment, id + "2", id, agent, note, false, "checking with the courier");
        row(comment, id + "3", id, agent, reply, true, "It ships today.");
        comments += 3;
        for (int c = 3; c < commentsPerTicket; c++) {
          boolean fromCustomer = c % 2 == 1;
          row(
              comment,
              id + (c + 1),
              id,
              fromCustomer ? customer : agent,
              reply.plusHours(c - 2L),
              true,
              fromCustomer ? "Thanks, any tracking number?" : "Here it is: TRK" + id);
          comments++;
        }
        change(history, "status", id, created, customer, "new");
        change(history, "priority", id, created, customer, PRIORITIES[p]);
        change(history, "group_id", id, created, agent, "77");
        change(history, "status", id, reply, agent, "pending");
        change(history, "status", id, solved, agent, "solved");
        changes += 5;
        if (i % 3 == 0 && p != 3) {
          change(history, "priority", id, reply.plusMinutes(1), agent, "urgent");
          changes++;
        }
        sla.write(id + "," + POLICY_ID + "," + utc(created) + "\n");
        expected.add(new Expected(id, PRIORITIES[p], delay, target));
      }
    }
    tables(folder, tickets);
    return new Written(tickets, comments, changes, expected);
  }

  private static void tables(Path folder, int tickets) throws IOException {
    try (BufferedWriter users = writer(folder, "user.csv")) {
      users.write("id,name,role\n");
      for (int a = 0; a < 20; a++) {
        users.write((500 + a) + ",Agent " + a + "," + (a == 0 ? "Admin" : "agent") + "\n");
      }
      for (int i = 0; i < tickets; i++) {
        users.write((9_000_000L + i) + ",Customer " + i + ",end-user\n");
      }
    }
    Files.writeString(folder.resolve("group.csv"), "id,name\n77,Orders\n");
    StringBuilder schedule = new StringBuilder("id,name,time_zone,start_time,end_time\n");
    for (int day = 0; day <= 4; day++) {
      schedule
          .append("42,Support Tehran,Tehran,")
          .append(day * 1440 + OPEN_MINUTE)
          .append(',')
          .append(day * 1440 + CLOSE_MINUTE)
          .append('\n');
    }
    Files.writeString(folder.resolve("schedule.csv"), schedule);
    Files.writeString(
        folder.resolve("schedule_holiday.csv"),
        "id,schedule_id,name,start_date,end_date\n1,42,Company day,"
            + HOLIDAY
            + ","
            + HOLIDAY
            + "\n");
    StringBuilder policy =
        new StringBuilder(
            "sla_policy_id,sla_policy_updated_at,business_hours,metric,priority,target\n");
    for (int p = 0; p < PRIORITIES.length; p++) {
      policy
          .append(POLICY_ID)
          .append(",2024-01-01 00:00:00,TRUE,first_reply_time,")
          .append(PRIORITIES[p])
          .append(',')
          .append(FIRST_REPLY_TARGETS[p])
          .append('\n');
    }
    Files.writeString(folder.resolve("sla_policy_metric_history.csv"), policy);
  }

  /** A moment in business hours, on one of the first four weeks of March 2024. */
  private static LocalDateTime businessStart(int i, Random random) {
    LocalDate day = FIRST_DAY.plusDays(random.nextInt(28));
    while (!open(day)) {
      day = day.plusDays(1);
    }
    int minute = OPEN_MINUTE + random.nextInt(CLOSE_MINUTE - OPEN_MINUTE);
    return day.atStartOfDay().plusMinutes(minute);
  }

  /** The moment {@code minutes} business minutes after {@code start}, walking minute by minute. */
  static LocalDateTime walk(LocalDateTime start, long minutes) {
    LocalDateTime t = start;
    long left = minutes;
    while (left > 0) {
      if (isOpen(t)) {
        t = t.plusMinutes(1);
        left--;
      } else {
        t = nextOpening(t);
      }
    }
    return t;
  }

  private static boolean isOpen(LocalDateTime t) {
    int minute = t.getHour() * 60 + t.getMinute();
    return open(t.toLocalDate()) && minute >= OPEN_MINUTE && minute < CLOSE_MINUTE;
  }

  private static LocalDateTime nextOpening(LocalDateTime t) {
    LocalDate day = t.toLocalDate();
    if (open(day) && t.getHour() * 60 + t.getMinute() < OPEN_MINUTE) {
      return day.atTime(9, 0);
    }
    do {
      day = day.plusDays(1);
    } while (!open(day));
    return day.atTime(9, 0);
  }

  private static boolean open(LocalDate day) {
    return OPEN_DAYS.contains(day.getDayOfWeek()) && !day.equals(HOLIDAY);
  }

  private static String utc(LocalDateTime tehran) {
    return TIME.format(tehran.atOffset(TEHRAN).withOffsetSameInstant(ZoneOffset.UTC));
  }

  private static void row(
      BufferedWriter out,
      String id,
      String ticket,
      String user,
      LocalDateTime at,
      boolean isPublic,
      String body)
      throws IOException {
    out.write(
        String.join(",", id, ticket, user, utc(at), isPublic ? "TRUE" : "FALSE", body) + "\n");
  }

  private static void change(
      BufferedWriter out, String field, String ticket, LocalDateTime at, String user, String value)
      throws IOException {
    out.write(String.join(",", field, ticket, utc(at), user, value) + "\n");
  }

  private static BufferedWriter writer(Path folder, String name) throws IOException {
    return Files.newBufferedWriter(folder.resolve(name), StandardCharsets.UTF_8);
  }
}
