-- Churn (batch/README.md). customer_attributes: what a data team loads with
-- `churn load-attributes FILE.csv --mapping FILE.json`, one row per customer and attribute (long
-- form, so any column of theirs becomes a feature without a schema change); num_value for numeric
-- attributes, str_value for categorical ones. Loading a file again replaces the attributes it
-- names (version = the load).
CREATE TABLE IF NOT EXISTS customer_attributes
(
    customer_id   String,
    attribute     String,
    kind          String,     -- numeric or categorical
    num_value     Float64,
    str_value     String,
    source        String,     -- the file it came from
    version       UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (customer_id, attribute);

-- `churn score --as-of D`: one row per customer and as-of date; a re-run for the same date
-- replaces its rows.
CREATE TABLE IF NOT EXISTS churn_scores
(
    as_of          Date,
    customer_id    String,
    model_version  String,
    probability    Float64,
    risk_band      String,            -- high, medium, low
    top_drivers    Array(String),     -- the features that raise this customer's risk most
    version        UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(as_of)
ORDER BY (as_of, customer_id);
