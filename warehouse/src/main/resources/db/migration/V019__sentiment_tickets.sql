-- Sentiment per ticket (issue 15), from its scored customer messages in time order: `level` is
-- the token-weighted mean message score, `trend` the last message's score minus the first's.
-- `label` is the level's label by the thresholds of the model of the ticket's messages (of the
-- English model when the ticket mixes languages); `models` lists the model ids that answered.
-- Re-running a period replaces its rows (newer version, older rows of the ticket_date range
-- deleted). Portable between ClickHouse 18.16 and current servers.

CREATE TABLE IF NOT EXISTS sentiment_tickets
(
    ticket_id        String,
    ticket_date      Date,
    first_message_at DateTime,
    last_message_at  DateTime,
    messages         UInt32,
    level            Float64,
    trend            Float64,
    first_score      Float64,
    last_score       Float64,
    label            String,
    models           String,
    version          UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY cityHash64(ticket_id) % 4
ORDER BY ticket_id;
