-- Survey answers, one row per invitation: a double click, a retry or two tabs give one response,
-- and a changed answer (allowed within the edit window) replaces the earlier one.
CREATE TABLE IF NOT EXISTS survey_responses
(
    invitation_id      String,
    kind               String,          -- csat, nps or ces
    score              UInt8,
    comment            String,          -- stored as text, never rendered unescaped
    reasons            Array(String),
    first_answered_at  DateTime,        -- starts the edit window
    answered_at        DateTime,
    version            UInt64           -- answered_at in ms: the last answer wins
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(first_answered_at)
ORDER BY invitation_id;
