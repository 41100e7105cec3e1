-- Sentiment of customer messages (issue 15), written by `batch sentiment`: one row per customer
-- message (customer_message or ticket_created by the customer; never agent replies, notes or
-- bots) of the tickets whose first customer message falls in the run's period (ticket_date).
-- `model` is name@version ('' when no model reads the language: label '' then, score 0);
-- `score_key` is SHA-256 of model id and cleaned text, so a re-run reuses a row whose key it
-- would compute again instead of scoring the text again. Sentences: comma-separated scores and
-- token counts in sentence order (portable: no Array(Float64) writer needed).
-- Re-running a period writes a newer version and deletes the older rows of that ticket_date range.
-- Portable between ClickHouse 18.16 and current servers.
-- Partitioned by ticket, not by ticket_date: a ticket's date moves when an earlier customer message
-- arrives later, and ReplacingMergeTree collapses versions only within one partition.

CREATE TABLE IF NOT EXISTS sentiment_messages
(
    event_id        String,
    ticket_id       String,
    ticket_date     Date,            -- local date of the ticket's first customer message
    occurred_at     DateTime,
    occurred_at_ms  UInt16,
    local_date      Date,
    language        String,
    model           String,
    label           String,
    score           Float64,
    tokens          UInt32,
    cut_tokens      UInt32,
    sentence_scores String,
    sentence_tokens String,
    score_key       String,
    version         UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY cityHash64(ticket_id) % 4
ORDER BY (ticket_id, occurred_at, occurred_at_ms, event_id);
