package org.sanjeh.testbed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.Priority;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketStatus;

/**
 * A repeatable stream of plausible ticket lifecycles (created, replies, a pause while waiting on
 * the customer, resolution) in English and Persian, for the demo and the warehouse benchmark. The
 * same seed gives the same events. Tickets arrive mostly in working hours.
 */
public final class SyntheticEvents implements Iterator<TicketEvent> {

  private static final List<Channel> CHANNELS =
      List.of(
          Channel.EMAIL,
          Channel.CHAT,
          Channel.PHONE,
          Channel.WHATSAPP,
          Channel.TELEGRAM,
          Channel.WEB_FORM,
          Channel.INSTAGRAM);
  private static final List<String> TEAMS = List.of("billing", "delivery", "technical", "sales");
  private static final List<String> TIERS = List.of("standard", "standard", "silver", "gold");
  private static final String[][] ENGLISH = {
    {"Order not delivered", "My order from last week has not arrived yet. Can you check?"},
    {"Refund request", "I was charged twice for the same subscription, please refund one."},
    {"Cannot log in", "The app says my password is wrong although I just reset it."},
    {"Thank you", "Your agent solved it quickly, thank you so much!"},
  };
  private static final String[][] PERSIAN = {
    {"سفارش نرسیده", "سفارش من از هفته پیش هنوز نرسیده است. لطفاً پیگیری کنید."},
    {"درخواست بازپرداخت", "مبلغ اشتراک دو بار از حساب من کم شده است 😟"},
    {"مشکل ورود", "رمز عبور را عوض کردم ولی باز هم نمی‌توانم وارد شوم."},
    {"تشکر", "مشکل خیلی سریع حل شد، ممنونم 🙏"},
  };
  private static final String[] ENGLISH_REPLIES = {
    "Thanks for reaching out, I am looking into it now.",
    "Sorry about that. Could you send us your order number?",
    "This is fixed now. Let us know if anything else comes up.",
  };
  private static final String[] PERSIAN_REPLIES = {
    "سلام، ممنون از پیام شما. در حال بررسی هستم.",
    "پوزش می‌خواهیم. لطفاً شماره سفارش را بفرستید.",
    "مشکل برطرف شد. اگر سؤالی بود در خدمتیم.",
  };

  private final SplittableRandom random;
  private final Instant start;
  private final long spanSeconds;
  private final long limit;
  private final long ticketLimit;
  private final Deque<TicketEvent> queue = new ArrayDeque<>();

  /** Time-ordered mode: the tickets' arrival instants (sorted) and the events not yet due. */
  private long[] arrivals;

  private final PriorityQueue<TicketEvent> pending =
      new PriorityQueue<>(
          Comparator.comparing(TicketEvent::occurredAt).thenComparing(TicketEvent::eventId));
  private long produced;
  private long ticketNumber;

  /**
   * @param events how many events to produce
   * @param start the first day's midnight (UTC) of the period tickets arrive in
   * @param days how many days tickets arrive over
   */
  public SyntheticEvents(long seed, long events, Instant start, int days) {
    this(seed, events, 0, start, days);
  }

  private SyntheticEvents(long seed, long events, long tickets, Instant start, int days) {
    this.random = new SplittableRandom(seed);
    this.start = start;
    this.spanSeconds = Duration.ofDays(days).toSeconds();
    this.limit = events;
    this.ticketLimit = tickets;
  }

  /**
   * Every event of {@code tickets} complete ticket lifecycles arriving over {@code days}, in
   * event-time order, the way a live help desk produces them (events of one instant by id).
   */
  public static SyntheticEvents ofTickets(long seed, long tickets, Instant start, int days) {
    SyntheticEvents events = new SyntheticEvents(seed, Long.MAX_VALUE, tickets, start, days);
    long[] arrivals = new long[Math.toIntExact(tickets)];
    for (int i = 0; i < arrivals.length; i++) {
      arrivals[i] = events.arrival().toEpochMilli();
    }
    Arrays.sort(arrivals);
    events.arrivals = arrivals;
    return events;
  }

  @Override
  public boolean hasNext() {
    if (arrivals != null) {
      return !pending.isEmpty() || ticketNumber < ticketLimit;
    }
    return ticketLimit > 0 ? !queue.isEmpty() || ticketNumber < ticketLimit : produced < limit;
  }

  @Override
  public TicketEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    produced++;
    if (arrivals != null) {
      // add tickets until the earliest pending event comes before the next ticket's arrival
      while (ticketNumber < ticketLimit
          && (pending.isEmpty()
              || pending.peek().occurredAt().toEpochMilli() >= arrivals[(int) ticketNumber])) {
        addTicket();
        pending.addAll(queue);
        queue.clear();
      }
      return pending.poll();
    }
    if (queue.isEmpty()) {
      addTicket();
    }
    return queue.removeFirst();
  }

  private void addTicket() {
    ticketNumber++;
    String ticket = "T-" + ticketNumber;
    boolean persian = random.nextInt(10) < 6;
    String[] topic = (persian ? PERSIAN : ENGLISH)[random.nextInt(4)];
    String[] replies = persian ? PERSIAN_REPLIES : ENGLISH_REPLIES;
    TicketEvent base =
        TicketEvent.builder()
            .ticketId(ticket)
            .eventId(ticket + "-1")
            .occurredAt(
                arrivals == null
                    ? arrival()
                    : Instant.ofEpochMilli(arrivals[(int) ticketNumber - 1]))
            .type(EventType.TICKET_CREATED)
            .channel(CHANNELS.get(random.nextInt(CHANNELS.size())))
            .authorRole(AuthorRole.CUSTOMER)
            .customerId("C-" + (1 + random.nextInt(50_000)))
            .team(TEAMS.get(random.nextInt(TEAMS.size())))
            .priority(Priority.values()[random.nextInt(Priority.values().length)])
            .status(TicketStatus.NEW)
            .customerTier(TIERS.get(random.nextInt(TIERS.size())))
            .language(persian ? "fa" : "en")
            .subject(topic[0])
            .body(topic[1])
            .tags(random.nextInt(3) == 0 ? List.of("vip") : List.of())
            .sourceSystem("synthetic")
            .build();
    String agent = "A-" + (1 + random.nextInt(40));
    Instant at = base.occurredAt();
    queue.add(base);
    int seq = 3;
    if (base.channel() == Channel.CHAT && random.nextInt(3) == 0) {
      // a bot answers first, then hands the customer over to a person
      at = at.plusSeconds(5);
      queue.add(
          event(base, 100, at, EventType.BOT_MESSAGE, AuthorRole.BOT).body(replies[0]).build());
      at = at.plusSeconds(60 + random.nextInt(600));
      queue.add(event(base, 101, at, EventType.ASSIGNED, AuthorRole.SYSTEM).agentId(agent).build());
    }
    if (random.nextInt(10) == 0) {
      at = at.plusSeconds(120);
      queue.add(
          event(base, 102, at, EventType.INTERNAL_NOTE, AuthorRole.AGENT)
              .authorId(agent)
              .body("checking with the courier")
              .build());
    }
    at = at.plusSeconds(60 + random.nextInt(4 * 3600));
    queue.add(reply(base, 2, at, agent, replies[random.nextInt(2)], TicketStatus.PENDING));
    int exchanges = random.nextInt(3);
    for (int i = 0; i < exchanges; i++) {
      at = at.plusSeconds(600 + random.nextInt(24 * 3600));
      queue.add(
          event(base, seq++, at, EventType.CUSTOMER_MESSAGE, AuthorRole.CUSTOMER)
              .body(topic[1])
              .status(TicketStatus.OPEN)
              .build());
      at = at.plusSeconds(60 + random.nextInt(8 * 3600));
      queue.add(reply(base, seq++, at, agent, replies[1], TicketStatus.PENDING));
    }
    if (random.nextInt(20) == 0) {
      // waiting on a third party
      at = at.plusSeconds(300);
      queue.add(
          event(base, seq++, at, EventType.STATUS_CHANGED, AuthorRole.AGENT)
              .authorId(agent)
              .status(TicketStatus.ON_HOLD)
              .build());
      at = at.plusSeconds(3600 + random.nextInt(24 * 3600));
      queue.add(
          event(base, seq++, at, EventType.STATUS_CHANGED, AuthorRole.AGENT)
              .authorId(agent)
              .status(TicketStatus.OPEN)
              .build());
    }
    at = at.plusSeconds(60 + random.nextInt(2 * 3600));
    queue.add(resolved(base, seq++, at, agent));
    if (random.nextInt(20) == 0) {
      // the customer comes back: the ticket is reopened and solved again
      at = at.plusSeconds(3600 + random.nextInt(48 * 3600));
      queue.add(
          event(base, seq++, at, EventType.REOPENED, AuthorRole.CUSTOMER)
              .status(TicketStatus.OPEN)
              .body(topic[1])
              .build());
      at = at.plusSeconds(60 + random.nextInt(4 * 3600));
      queue.add(reply(base, seq++, at, agent, replies[2], TicketStatus.OPEN));
      at = at.plusSeconds(60 + random.nextInt(3600));
      queue.add(resolved(base, seq, at, agent));
    }
  }

  private TicketEvent resolved(TicketEvent base, int seq, Instant at, String agent) {
    return event(base, seq, at, EventType.RESOLVED, AuthorRole.AGENT)
        .agentId(agent)
        .authorId(agent)
        .status(TicketStatus.SOLVED)
        .build();
  }

  private TicketEvent reply(
      TicketEvent base, int seq, Instant at, String agent, String text, TicketStatus status) {
    return event(base, seq, at, EventType.AGENT_REPLY, AuthorRole.AGENT)
        .authorId(agent)
        .agentId(agent)
        .body(text)
        .status(status)
        .build();
  }

  private static TicketEvent.Builder event(
      TicketEvent base, int seq, Instant at, EventType type, AuthorRole role) {
    return base.toBuilder()
        .eventId(base.ticketId() + "-" + seq)
        .occurredAt(at)
        .type(type)
        .authorRole(role)
        .authorId(role == AuthorRole.CUSTOMER ? base.customerId() : null)
        .subject(null)
        .body(null);
  }

  /** Mostly 05:00–15:00 UTC (08:30–18:30 in Tehran), some at any hour. */
  private Instant arrival() {
    long day = random.nextLong(Math.max(1, spanSeconds / 86_400));
    long secondOfDay =
        random.nextInt(5) == 0 ? random.nextInt(86_400) : 5 * 3600 + random.nextInt(10 * 3600);
    return start.plusSeconds(day * 86_400 + secondOfDay).plusMillis(random.nextInt(1000));
  }
}
