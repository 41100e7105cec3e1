-- Dead letters become idempotent: a streaming job restarted from a checkpoint reads the records
-- after the checkpoint again, and must not store their rejects twice. Rows identical in source,
-- time, line, reason and payload are one reject; everything else is kept as before.
CREATE TABLE IF NOT EXISTS dead_letters_v9
(
    received_at    DateTime,
    received_at_ms UInt16,
    source         String,
    line           UInt32,
    reason         String,
    payload        String
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (source, received_at, received_at_ms, line, cityHash64(reason), cityHash64(payload));

INSERT INTO dead_letters_v9 SELECT received_at, received_at_ms, source, line, reason, payload FROM dead_letters;

RENAME TABLE dead_letters TO dead_letters_before_v9, dead_letters_v9 TO dead_letters;

DROP TABLE dead_letters_before_v9;
