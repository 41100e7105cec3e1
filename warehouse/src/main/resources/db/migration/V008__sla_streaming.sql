-- What the streaming SLA job writes (streaming/README.md). Every table is keyed so that a replay
-- or a restart from a checkpoint writes the same keys again and converges to the same rows:
-- ReplacingMergeTree keeps one row per key (the highest version). Read with FINAL.
-- Instants that are absent are 1970-01-01 00:00:00 (DateTime 0): 18.16 has no DateTime64 and
-- Nullable columns cost a second file per column.

-- Per-ticket SLA state, the latest as of the ticket's latest event or deadline.
-- version = as_of in ms * 1000 + a sequence within that millisecond.
CREATE TABLE IF NOT EXISTS sla_tickets
(
    ticket_id          String,
    as_of              DateTime,
    policy             String,
    channel            String,
    team               String,
    priority           String,
    agent_id           String,
    customer_tier      String,
    ticket_status      String,
    fr_status          String,    -- not_started, running, paused, achieved, breached, cancelled
    fr_target_s        UInt32,    -- 0 when the policy sets no first-response target
    fr_started_at      DateTime,
    fr_due_at          DateTime,
    fr_fulfilled_at    DateTime,
    fr_business_s      Float64,
    fr_calendar_s      Float64,
    fr_paused_s        Float64,
    nr_status          String,
    nr_target_s        UInt32,
    nr_started_at      DateTime,
    nr_due_at          DateTime,
    nr_fulfilled_at    DateTime,
    nr_business_s      Float64,
    nr_calendar_s      Float64,
    nr_paused_s        Float64,
    nr_cycles          UInt32,    -- completed next-response cycles
    nr_longest_s       Float64,   -- the longest completed one, in the policy's measure
    res_status         String,
    res_target_s       UInt32,
    res_started_at     DateTime,
    res_due_at         DateTime,
    res_fulfilled_at   DateTime,
    res_business_s     Float64,
    res_calendar_s     Float64,
    res_paused_s       Float64,
    version            UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY ticket_id;

-- at_risk, breached and recovered, one row per alert; alert_id is a hash of what makes it unique
-- (ticket, target, kind, the clock's start and the moment), so a replay writes the same id.
CREATE TABLE IF NOT EXISTS sla_alerts
(
    alert_id      String,
    ticket_id     String,
    target        String,          -- first_response, next_response, resolution
    kind          String,          -- at_risk, breached, recovered
    at            DateTime,
    at_ms         UInt16,
    due_at        DateTime,
    policy        String,
    channel       String,
    team          String,
    priority      String,
    agent_id      String
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (ticket_id, alert_id);

-- Live aggregates per minute of event time. Not an AggregatingMergeTree: a restart re-sends the
-- rows written after the last checkpoint, and partial states would be added twice. The job keeps
-- the whole minute in its state and writes it complete, with the number of facts as the version,
-- so a late fact rewrites the minute and a replay rewrites the same row.
-- FRT quantiles: a mergeable histogram, sparse (frt_buckets holds the non-empty buckets' numbers,
-- frt_counts their counts). Bucket i > 0 holds first-response times in [2^((i-1)/4), 2^(i/4))
-- seconds, bucket 0 under 1 s. Merge minutes and dimensions with sumMap(frt_buckets, frt_counts);
-- read quantiles with the query in docs/metrics.md (relative error under 10%).
-- Open backlog: backlog_delta is +1 for a ticket created or reopened, -1 when solved, and moves a
-- ticket between dimension values when its team, agent, channel or priority changes; the backlog
-- at minute M is the sum of backlog_delta up to M.
CREATE TABLE IF NOT EXISTS sla_minute
(
    minute           DateTime,
    channel          String,
    team             String,
    priority         String,
    agent_id         String,
    created          UInt32,
    first_responses  UInt32,
    frt_sum_s        Float64,
    frt_buckets      Array(UInt8),
    frt_counts       Array(UInt32),
    breaches         UInt32,
    solved           UInt32,
    reopened         UInt32,
    backlog_delta    Int32,
    version          UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, channel, team, priority, agent_id);
