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

-- What the job wrote into sla_minute before it wrote sla_quarter (nothing on a new install): the
-- newest minute rows summed per quarter hour, the version being the facts counted, as the job
-- counts them. FINAL, not a GROUP BY of every minute row: that held 3.7 GiB for 9M minute rows on
-- 18.16 and failed; this reads them once (4.6 s there) and groups 14x fewer keys. A job restored
-- from a checkpoint taken before this version counts the quarter hours open at the upgrade from
-- the facts after it (streaming/README.md says how to make them exact).
INSERT INTO sla_quarter (quarter, channel, team, priority, created, first_responses, frt_sum_s,
    frt_buckets, frt_counts, breaches, solved, reopened, backlog_delta, version)
SELECT toStartOfFifteenMinutes(minute) AS quarter_start, channel, team, priority,
       toUInt32(sum(created)), toUInt32(sum(first_responses)), sum(frt_sum_s),
       tupleElement(sumMap(frt_buckets, frt_counts) AS histogram, 1),
       arrayMap(c -> toUInt32(c), tupleElement(histogram, 2)),
       toUInt32(sum(breaches)), toUInt32(sum(solved)), toUInt32(sum(reopened)),
       toInt32(sum(backlog_delta)), sum(version)
FROM sla_minute FINAL
GROUP BY quarter_start, channel, team, priority;
