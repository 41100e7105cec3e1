-- Input that could not be accepted, kept byte for byte with the reason, so nothing is lost and
-- every reject can be explained and replayed once fixed.
CREATE TABLE IF NOT EXISTS dead_letters
(
    received_at    DateTime,
    received_at_ms UInt16,
    source         String,          -- where it came from: an API key's source, a file, a topic
    line           UInt32,          -- 1-based line in a batch or file; 0 when not applicable
    reason         String,          -- every field error, e.g. "channel=\"fax\": unknown value; …"
    payload        String           -- the raw bytes as received (need not be valid UTF-8)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (source, received_at);
