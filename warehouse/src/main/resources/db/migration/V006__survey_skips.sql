-- Resolved tickets whose customer was not invited, and why (reopened, fatigue, not sampled, …):
-- a missing survey is explained, not silent.
CREATE TABLE IF NOT EXISTS survey_skips
(
    ticket_id    String,
    customer_id  String,
    reason       String,
    decided_at   DateTime
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(decided_at)
ORDER BY (decided_at, ticket_id);
