-- survey_alerts was partitioned by the month of answered_at, which changes with every new answer:
-- a detractor who changed a 2 into a 5 in the next month left the old alert standing in the old
-- partition (ReplacingMergeTree collapses only within a partition). Partitions now follow the
-- invitation id alone, as survey_responses' do (V010), so the latest answer clears the alert.
--
-- Copied, swapped, the rows written meanwhile copied too, then the old table dropped.
CREATE TABLE IF NOT EXISTS survey_alerts_v11
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
PARTITION BY cityHash64(invitation_id) % 4
ORDER BY invitation_id;

INSERT INTO survey_alerts_v11 (invitation_id, kind, score, comment, detractor, answered_at, version)
SELECT invitation_id, kind, score, comment, detractor, answered_at, version FROM survey_alerts;

RENAME TABLE survey_alerts TO survey_alerts_before_v11, survey_alerts_v11 TO survey_alerts;

INSERT INTO survey_alerts (invitation_id, kind, score, comment, detractor, answered_at, version)
SELECT invitation_id, kind, score, comment, detractor, answered_at, version FROM survey_alerts_before_v11
WHERE (invitation_id, version) NOT IN (SELECT invitation_id, version FROM survey_alerts);

DROP TABLE survey_alerts_before_v11;
