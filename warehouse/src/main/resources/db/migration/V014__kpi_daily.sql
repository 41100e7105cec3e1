-- Daily KPI rollups written by `batch rollups` (batch/README.md, definitions in docs/metrics.md):
-- one row per local business day, time zone and dimension value. dimension is 'all' (value ''),
-- 'channel', 'team' or 'agent'. A re-run of a period replaces its rows: rows carry the run's
-- version (ReplacingMergeTree keeps the newest per key; read with FINAL) and the job deletes the
-- older runs' rows of the period once its own are written.
CREATE TABLE IF NOT EXISTS kpi_daily
(
    local_date          Date,
    time_zone           String,
    dimension           String,
    dimension_value     String,
    created             UInt32,    -- tickets created that day
    solved              UInt32,    -- solves that day (a ticket solved, reopened, solved counts twice)
    solved_tickets      UInt32,    -- tickets whose first solve was that day
    fcr                 UInt32,    -- of those: exactly one public human reply, never reopened
    zero_reply_solved   UInt32,    -- of those: solved with no public human reply
    reopened            UInt32,    -- reopens (after a solve) that day
    backlog             UInt32,    -- unsolved tickets at the snapshot time that day
    backlog_at          DateTime,  -- the snapshot instant (local time in time_zone, stored UTC)
    version             UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(local_date)
ORDER BY (local_date, time_zone, dimension, dimension_value);
