-- survey_responses was partitioned by the month of first_answered_at. ReplacingMergeTree only
-- collapses rows within one partition, so two versions of one answer that disagree on that month
-- (an answer given while ClickHouse was down, whose first time was not known) stayed two rows and
-- were counted twice. Partitions now follow the invitation id alone: every version of an answer
-- lands in the same partition whoever wrote it, and FINAL keeps the last one. Four buckets keep
-- the parts per insert few; scores read every answer of a period anyway.
--
-- The rows are copied, the tables swapped, then the rows written to the old table while the copy
-- ran are copied too (identical rows collapse), and only then is the old table dropped.
CREATE TABLE IF NOT EXISTS survey_responses_v10
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
PARTITION BY cityHash64(invitation_id) % 4
ORDER BY invitation_id;

INSERT INTO survey_responses_v10 (invitation_id, kind, score, comment, reasons, first_answered_at, answered_at, version)
SELECT invitation_id, kind, score, comment, reasons, first_answered_at, answered_at, version FROM survey_responses;

RENAME TABLE survey_responses TO survey_responses_before_v10, survey_responses_v10 TO survey_responses;

INSERT INTO survey_responses (invitation_id, kind, score, comment, reasons, first_answered_at, answered_at, version)
SELECT invitation_id, kind, score, comment, reasons, first_answered_at, answered_at, version FROM survey_responses_before_v10
WHERE (invitation_id, version) NOT IN (SELECT invitation_id, version FROM survey_responses);

DROP TABLE survey_responses_before_v10;
