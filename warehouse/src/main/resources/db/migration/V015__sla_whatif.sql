-- `batch sla-whatif`: each ticket of a period under the live policy (before) and another policy
-- (after), one row per ticket, scenario and target, so that a dashboard can list the tickets that
-- change status. A re-run of the same scenario and period replaces its rows (version = run).
CREATE TABLE IF NOT EXISTS sla_whatif_tickets
(
    scenario         String,     -- the what-if policy's name
    ticket_id        String,
    created_date     Date,       -- the ticket's creation day (UTC): the period it belongs to
    target           String,     -- first_response, next_response, resolution
    channel          String,
    team             String,
    priority         String,
    before_policy    String,
    before_status    String,
    before_due_at    DateTime,
    after_status     String,
    after_due_at     DateTime,
    changed          UInt8,      -- 1 when the status differs
    version          UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(created_date)
ORDER BY (scenario, created_date, ticket_id, target);
