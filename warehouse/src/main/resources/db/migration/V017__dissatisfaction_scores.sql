-- `batch dissatisfaction score`: the probability that an open or recently resolved ticket ends in
-- a low survey score, as of the scoring day; a re-run for the same day replaces its rows.
CREATE TABLE IF NOT EXISTS dissatisfaction_scores
(
    as_of          Date,
    ticket_id      String,
    customer_id    String,
    team           String,
    channel        String,
    priority       String,
    ticket_status  String,
    model_version  String,
    probability    Float64,
    risk_band      String,
    top_drivers    Array(String),
    version        UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(as_of)
ORDER BY (as_of, ticket_id);
