-- Detractors to follow up (NPS 0-6, CSAT 1-2): the closed loop. One row per invitation, the
-- latest answer wins, so a customer who changes a 2 into a 5 clears the alert.
CREATE TABLE IF NOT EXISTS survey_alerts
(
    invitation_id  String,
    kind           String,
    score          UInt8,
    comment        String,
    detractor      UInt8,            -- 0 once the answer was changed to a non-detractor one
    answered_at    DateTime,
    version        UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(answered_at)
ORDER BY invitation_id;
