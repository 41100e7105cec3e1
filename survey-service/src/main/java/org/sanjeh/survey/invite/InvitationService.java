package org.sanjeh.survey.invite;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.survey.link.SurveyLinks;
import org.sanjeh.warehouse.WarehouseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From ticket events to invitations: the planner decides, this service issues the signed link,
 * hands the message to the sender and records the invitation (or the skip and its reason).
 *
 * <p>The message goes out before the invitation is recorded, so a recorded invitation was sent. A
 * message the sender could not deliver for now (mail server down, 4xx, full disk) is kept, with its
 * link, on disk ({@link UnsentInvitations}) so a restart does not drop it either, and tried again
 * with exponential back-off: the message waits 1 s, 2 s, 4 s … up to {@link #MAX_BACKOFF} after its
 * failures, and after a failure the sender that failed (SMTP, Telegram, WhatsApp: {@link
 * Sender#deliveringSender}) is left alone for as long before anything else is tried on it (a server
 * that is down costs one attempt per back-off, not one per waiting message; the other channels go
 * on). A message the sender can never deliver (no address, a permanent 5xx refusal) is a skip with
 * the reason.
 *
 * <p>A decision is taken from the planner only once it was acted on, so one that fails half-way is
 * made again at the next tick. While the invitation log cannot take more records (ClickHouse down
 * long) no decision is made: {@link #accepting} is false and the reader pauses. After a restart,
 * resolutions decided by the earlier run are read again from Kafka; a decision due before this
 * run's first tick is therefore made only if ClickHouse has neither its invitation nor its skip and
 * no unsent invitation on disk is for it, so it is not repeated.
 */
public final class InvitationService {

  private static final Logger LOG = LoggerFactory.getLogger(InvitationService.class);

  /** A message and the record written once the sender accepted it. */
  record Outgoing(Sender.Message message, InvitationLog.Invited record) {}

  /** The longest wait between two attempts. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

  /** A message waiting for its next attempt. */
  private record Waiting(Outgoing outgoing, int failures, Instant nextAttempt) {}

  /** A sender resting after {@code failures} failures in a row, until {@code until}. */
  private record Rest(int failures, Instant until) {}

  /** How many waiting resolutions ClickHouse is asked about at once after a restart. */
  private static final int CHECK_BATCH = 1_000;

  private final InvitationPlanner planner;
  private final InvitationPolicy policy;
  private final SurveyLinks links;
  private final InvitationLog log;
  private final Sender sender;
  private final String baseUrl;
  private final Duration validity;
  private final List<Waiting> unsent = new ArrayList<>();
  private final UnsentInvitations kept;
  private long invited;
  private long skipped;
  private long repeatsAvoided;

  /** Per delivering sender (a handful): resting after failures. */
  private final Map<Sender, Rest> rests = new IdentityHashMap<>();

  /** Records the log refused (its buffer full); written before anything else, never dropped. */
  private final Deque<Consumer<InvitationLog>> unrecorded = new ArrayDeque<>();

  /** This run's first tick: decisions due by then may have been made by an earlier run. */
  private Instant startedAt;

  /** Decisions ({@link InvitationLog#key}) of the unsent invitations an earlier run kept. */
  private final Set<String> keptByEarlierRun = new HashSet<>();

  /** For waiting resolutions due by {@link #startedAt}: event id → already recorded. */
  private final Map<String, Boolean> recordedByEarlierRun = new HashMap<>();

  public InvitationService(
      InvitationPolicy policy,
      SurveyLinks links,
      InvitationLog log,
      Sender sender,
      String baseUrl,
      Duration validity,
      Path unsentFolder) {
    this.planner = new InvitationPlanner(policy);
    this.policy = policy;
    this.links = links;
    this.log = log;
    this.sender = sender;
    this.baseUrl = baseUrl;
    this.validity = validity;
    this.kept = new UnsentInvitations(unsentFolder);
    for (Outgoing outgoing : kept.load()) {
      unsent.add(new Waiting(outgoing, 0, Instant.MIN));
      keptByEarlierRun.add(
          InvitationLog.key(outgoing.record().ticketId(), outgoing.record().invitedAt()));
    }
    if (!unsent.isEmpty()) {
      LOG.info("{} invitations not sent before the last stop will be sent again", unsent.size());
    }
  }

  /**
   * @return whether the event now awaits its decision (a resolution planned for later); until then
   *     its offset must not be committed
   */
  public synchronized boolean onEvent(TicketEvent event) {
    return planner.apply(event);
  }

  /** Whether the resolution with this event id is still waiting for its decision. */
  public synchronized boolean awaits(String eventId) {
    return planner.awaits(eventId);
  }

  /** Whether the resolution with this event id was read and its decision made (or found made). */
  synchronized boolean decided(String eventId) {
    return planner.decided(eventId);
  }

  /**
   * Whether more events can be taken in: false while the invitation log's buffer is full or as many
   * resolutions wait as the planner holds. The reader then pauses and asks again.
   */
  public synchronized boolean accepting() {
    return roomForRecords() && !planner.full();
  }

  /**
   * Writes the invitations and skips decided so far to ClickHouse; throws if it cannot. The offsets
   * of the events they came from may be committed once this returned.
   */
  public void flushRecords() {
    synchronized (this) {
      recordRefused();
    }
    log.flush();
  }

  /** Makes the decisions due by {@code now}; returns how many invitations went out. */
  public synchronized int tick(Instant now) {
    if (startedAt == null) {
      startedAt = now;
    }
    return retryUnsent(now) + decide(now);
  }

  private int retryUnsent(Instant now) {
    int sent = 0;
    List<Waiting> retries = new ArrayList<>(unsent);
    unsent.clear();
    int next = 0;
    try {
      for (; next < retries.size(); next++) {
        Waiting waiting = retries.get(next);
        if (waiting.nextAttempt().isAfter(now) || !roomForRecords()) {
          unsent.add(waiting);
        } else {
          sent += attempt(waiting, now) ? 1 : 0;
        }
      }
    } catch (RuntimeException e) {
      unsent.addAll(retries.subList(next, retries.size())); // the one that failed, and the rest
      throw e;
    }
    return sent;
  }

  private int decide(Instant now) {
    int sent = 0;
    while (roomForRecords()) {
      Optional<InvitationPlanner.Decision> next = planner.next(now);
      if (next.isEmpty()) {
        break;
      }
      InvitationPlanner.Decision decision = next.get();
      Optional<Boolean> earlier = decidedByEarlierRun(decision);
      if (earlier.isEmpty()) {
        break; // ClickHouse cannot say yet; the decision waits
      }
      if (earlier.get()) {
        repeatsAvoided++;
      } else if (decision.invite()) {
        sent += attempt(new Waiting(prepare(decision), 0, now), now) ? 1 : 0;
      } else {
        record(
            l ->
                l.skipped(
                    new InvitationLog.Skipped(
                        decision.ticketId(),
                        nullToEmpty(decision.customerId()),
                        decision.reason(),
                        decision.at())));
        skipped++;
      }
      recordedByEarlierRun.remove(decision.resolution().eventId());
      planner.taken(decision);
    }
    return sent;
  }

  /**
   * Whether an earlier run already recorded this decision (sent, kept on disk or skipped); empty
   * while ClickHouse cannot be asked. Only decisions due before this run's first tick can be.
   */
  private Optional<Boolean> decidedByEarlierRun(InvitationPlanner.Decision decision) {
    if (decision.at().isAfter(startedAt)) {
      return Optional.of(false);
    }
    if (keptByEarlierRun.contains(InvitationLog.key(decision.ticketId(), decision.at()))) {
      return Optional.of(true);
    }
    String eventId = decision.resolution().eventId();
    if (!recordedByEarlierRun.containsKey(eventId)) {
      List<InvitationPlanner.Due> batch =
          planner.dueBy(startedAt, id -> !recordedByEarlierRun.containsKey(id), CHECK_BATCH);
      Set<String> recorded;
      try {
        recorded = log.recorded(batch.stream().map(InvitationPlanner.Due::ticketId).toList());
      } catch (WarehouseException clickHouseDown) {
        LOG.debug("cannot check for earlier decisions yet: {}", clickHouseDown.getMessage());
        return Optional.empty();
      }
      for (InvitationPlanner.Due due : batch) {
        recordedByEarlierRun.put(
            due.eventId(), recorded.contains(InvitationLog.key(due.ticketId(), due.at())));
      }
    }
    return Optional.of(recordedByEarlierRun.get(eventId));
  }

  public synchronized long invited() {
    return invited;
  }

  public synchronized long skipped() {
    return skipped;
  }

  /** Resolutions read again after a restart whose decision an earlier run had recorded. */
  public synchronized long repeatsAvoided() {
    return repeatsAvoided;
  }

  /** Invitations the sender has not accepted yet; they are tried again at every tick. */
  public synchronized int unsent() {
    return unsent.size();
  }

  /** Whether the log takes another record now (records it refused before went in first). */
  private boolean roomForRecords() {
    try {
      recordRefused();
    } catch (WarehouseException full) {
      return false;
    }
    return log.hasRoom();
  }

  /** Hands a record to the log; one it refuses (buffer full) is kept here and handed again. */
  private void record(Consumer<InvitationLog> write) {
    if (unrecorded.isEmpty()) {
      try {
        write.accept(log);
        return;
      } catch (WarehouseException full) {
        // kept below, in order
      }
    }
    unrecorded.addLast(write);
  }

  private void recordRefused() {
    while (!unrecorded.isEmpty()) {
      unrecorded.peekFirst().accept(log);
      unrecorded.pollFirst();
    }
  }

  /** Tries the message unless its sender rests after a failure; false if it did not go out. */
  private boolean attempt(Waiting waiting, Instant now) {
    Outgoing outgoing = waiting.outgoing();
    Sender target = sender.deliveringSender(outgoing.message());
    Rest rest = rests.get(target);
    if (rest != null && rest.until().isAfter(now)) {
      kept.keep(outgoing);
      unsent.add(waiting);
      return false;
    }
    try {
      sender.send(outgoing.message());
    } catch (Sender.Undeliverable e) {
      kept.remove(outgoing.message().invitationId());
      InvitationLog.Invited r = outgoing.record();
      record(
          l ->
              l.skipped(
                  new InvitationLog.Skipped(
                      r.ticketId(), r.customerId(), e.getMessage(), r.invitedAt())));
      skipped++;
      rests.remove(target);
      return false;
    } catch (RuntimeException e) {
      kept.keep(outgoing);
      int failures = waiting.failures() + 1;
      int senderFailures = rest == null ? 1 : rest.failures() + 1;
      rests.put(target, new Rest(senderFailures, now.plus(backoff(senderFailures))));
      Instant next = now.plus(backoff(failures));
      unsent.add(new Waiting(outgoing, failures, next));
      LOG.warn(
          "invitation {} not sent yet (failure {}), next attempt at {}: {}",
          outgoing.message().invitationId(),
          failures,
          next,
          e.getMessage());
      return false;
    }
    rests.remove(target);
    record(l -> l.invited(outgoing.record()));
    kept.remove(outgoing.message().invitationId());
    invited++;
    return true;
  }

  /** 1 s after the first failure, doubling, at most {@link #MAX_BACKOFF}. */
  static Duration backoff(int failures) {
    if (failures >= 20) {
      return MAX_BACKOFF;
    }
    Duration wait = Duration.ofSeconds(1L << Math.max(0, failures - 1));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  private Outgoing prepare(InvitationPlanner.Decision decision) {
    TicketEvent resolution = decision.resolution();
    String language = "fa".equals(resolution.language()) ? "fa" : "en";
    String token = links.issue(policy.kind(), validity);
    SurveyLinks.Invitation invitation = links.verify(token);
    String link = baseUrl + "/s/" + token + "?lang=" + language;
    Map<Integer, String> oneClick = new LinkedHashMap<>();
    for (int score = policy.kind().lowest(); score <= policy.kind().highest(); score++) {
      oneClick.put(score, link + "&score=" + score);
    }
    InvitationLog.Invited record =
        new InvitationLog.Invited(
            invitation.invitationId(),
            policy.kind(),
            resolution.ticketId(),
            decision.customerId(),
            resolution.channel().wire(),
            nullToEmpty(resolution.team()),
            nullToEmpty(resolution.agentId()),
            language,
            decision.at(),
            invitation.expiresAt());
    Sender.Message message =
        new Sender.Message(
            invitation.invitationId(),
            decision.customerId(),
            resolution.channel(),
            policy.kind(),
            language,
            link,
            oneClick);
    return new Outgoing(message, record);
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
