package org.sanjeh.batch.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.warehouse.RowBinaryOut;
import org.sanjeh.warehouse.Warehouse;

/**
 * Customers with a planted signal, for the churn and dissatisfaction models: about a third are
 * unhappy; most of those stop writing at some point (churn), and their survey answers are mostly
 * low. Everyone else writes about once a week until the end and mostly answers high. Starts on
 * {@link #START}; 120 days. What marks the unhappy ones is the {@link Signal}: slow service (first
 * replies after 5–30 hours instead of minutes), or only what they write (Persian complaints, which
 * the sentiment job's lexicon model reads; everyone is served alike).
 */
public final class GeneratedCustomers {

  public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  /** Surveys: invitation id, ticket, customer, kind, score, answered at. */
  public record Survey(
      String invitation, String ticket, String customer, int score, Instant answeredAt) {}

  /** What tells the unhappy customers apart. */
  public enum Signal {
    SLOW_SERVICE,
    SENTIMENT
  }

  private static final String[] COMPLAINTS = {
    "خیلی بد است، اصلا راضی نیستم",
    "سفارشم هنوز نرسیده و هیچ کس جواب نمیده",
    "افتضاح بود، پولم را پس بدهید"
  };
  private static final String[] KIND_WORDS = {
    "خیلی ممنون، عالی بود", "سلام، لطفا وضعیت سفارش را بگویید", "ممنون از راهنمایی خوبتون"
  };

  public final List<List<TicketEvent>> tickets = new ArrayList<>();
  public final List<Survey> surveys = new ArrayList<>();

  public GeneratedCustomers(int customers, long seed) {
    this(customers, seed, Signal.SLOW_SERVICE);
  }

  public GeneratedCustomers(int customers, long seed, Signal signal) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int c = 0; c < customers; c++) {
      boolean unhappy = random.nextDouble() < 0.35;
      boolean slow = unhappy && signal == Signal.SLOW_SERVICE;
      double end = 120;
      if (unhappy ? random.nextDouble() < 0.8 : random.nextDouble() < 0.05) {
        end = 20 + random.nextDouble() * 100;
      }
      double day = random.nextDouble() * 10;
      int n = 0;
      while (day < end) {
        String id = "c" + c + "-t" + n++;
        Instant created =
            START.plus(
                Duration.ofMinutes((long) (Math.floor(day) * 1440 + 360 + random.nextInt(240))));
        Duration wait =
            slow
                ? Duration.ofMinutes(300 + random.nextInt(1500))
                : Duration.ofMinutes(5 + random.nextInt(35));
        Instant reply = created.plus(wait);
        Instant solved = reply.plus(Duration.ofHours(1));
        Tickets ticket =
            Tickets.ticket(id)
                .customer("c" + c)
                .team(c % 2 == 0 ? "billing" : "support")
                .agent("a" + (c % 5));
        if (signal == Signal.SENTIMENT) {
          boolean complains = random.nextDouble() < (unhappy ? 0.85 : 0.1);
          String[] words = complains ? COMPLAINTS : KIND_WORDS;
          ticket.createdSaying(created.toString(), words[random.nextInt(words.length)]);
        } else {
          ticket.created(created.toString());
        }
        tickets.add(ticket.reply(reply.toString()).resolved(solved.toString()).events());
        if (random.nextDouble() < 0.6) {
          boolean low = random.nextDouble() < (unhappy ? 0.9 : 0.05);
          surveys.add(
              new Survey("inv-" + id, id, "c" + c, low ? 2 : 5, solved.plus(Duration.ofHours(2))));
        }
        day += -Math.log(1 - random.nextDouble()) * 7;
      }
    }
  }

  /** Events into ticket_events, surveys into survey_invitations and survey_responses. */
  public void store(Warehouse warehouse) {
    Warehouses.store(warehouse, tickets);
    warehouse.insert(
        "survey_invitations",
        List.of("invitation_id", "kind", "ticket_id", "customer_id", "invited_at", "expires_at"),
        out -> {
          for (Survey s : surveys) {
            out.string(s.invitation());
            out.string("csat");
            out.string(s.ticket());
            out.string(s.customer());
            out.dateTime(s.answeredAt().minus(Duration.ofHours(1)));
            out.dateTime(s.answeredAt().plus(Duration.ofDays(7)));
          }
        });
    warehouse.insert(
        "survey_responses",
        List.of("invitation_id", "kind", "score", "first_answered_at", "answered_at", "version"),
        out -> {
          for (Survey s : surveys) {
            writeResponse(s, out);
          }
        });
  }

  private static void writeResponse(Survey s, RowBinaryOut out) throws java.io.IOException {
    out.string(s.invitation());
    out.string("csat");
    out.uint8(s.score());
    out.dateTime(s.answeredAt());
    out.dateTime(s.answeredAt());
    out.uint64(s.answeredAt().toEpochMilli());
  }
}
