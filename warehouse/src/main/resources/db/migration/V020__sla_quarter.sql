-- The streaming job's aggregates per quarter hour (its UTC start) and channel × team × priority,
-- without the agent: sla_minute summed over the quarter's minutes and its agents, written by the
-- same aggregator with the same keys-and-versions rule (streaming/README.md). The dashboards read
-- volume and the daily backlog here: at 10M events about 14× fewer rows than sla_minute, and FINAL
-- merges them on one thread on 18.16. Every UTC offset is a multiple of 15 minutes (Tehran +03:30),
-- so local days and local quarter hours are whole quarters of this table.
-- The FRT histogram is carried as in sla_minute (merge with sumMap(frt_buckets, frt_counts)): FRT
-- quantiles per team, channel or priority over days then read these rows too.
-- version = the number of facts counted in the row; a late fact rewrites it with a higher one.
CREATE TABLE IF NOT EXISTS sla_quarter
(
    quarter          DateTime,
    channel          String,
    team             String,
    priority         String,
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
PARTITION BY toYYYYMM(quarter)
ORDER BY (quarter, channel, team, priority);
