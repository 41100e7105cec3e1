-- Raw ticket events, one row per TicketEvent (docs/event-contract.md), and the texts of the
-- messages among them in their own table, so that scans of events never read message bodies.
--
-- Portable between ClickHouse 18.16 (Debian's package, used here) and current servers: no
-- LowCardinality, DateTime64, TTL or CODEC. Enum-like fields are String: the codec validates them,
-- and a new channel or type must not need an ALTER.
--
-- Idempotent on event_id: ReplacingMergeTree collapses rows with the same sorting key
-- (ticket, time, event id) during merges; read with FINAL (or GROUP BY event_id) for exact counts.

CREATE TABLE IF NOT EXISTS ticket_events
(
    event_id       String,
    ticket_id      String,
    occurred_at    DateTime,        -- UTC, whole seconds
    occurred_at_ms UInt16,          -- the milliseconds of occurred_at, for ordering within a second
    local_date     Date,            -- occurred_at's calendar date in the business's time zone
    event_type     String,
    channel        String,
    author_role    String,
    author_id      String,
    customer_id    String,
    agent_id       String,
    team           String,
    priority       String,
    status         String,
    customer_tier  String,
    language       String,
    tags           Array(String),
    source_system  String,
    source_ref     String,
    merged_into    String,
    has_message    UInt8,           -- 1 when ticket_messages holds this event's text
    ingested_at    DateTime,
    version        UInt64           -- ingestion time in ms: the newest copy of an event wins
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (ticket_id, occurred_at, occurred_at_ms, event_id);

CREATE TABLE IF NOT EXISTS ticket_messages
(
    event_id       String,
    ticket_id      String,
    occurred_at    DateTime,
    occurred_at_ms UInt16,
    local_date     Date,
    event_type     String,
    author_role    String,
    language       String,
    subject        String,
    body           String,
    version        UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (ticket_id, occurred_at, occurred_at_ms, event_id);
