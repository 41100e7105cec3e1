-- Addresses a customer gave that no channel proved: an e-mail or phone typed into a web form (unless
-- the business trusts its form). Kept so the team can see them, but never used to recognise a
-- customer and never sent to: customer_identities holds only links a channel proved, so every reader
-- of it (the identity resolver, the survey sender) is safe without remembering a filter.
CREATE TABLE IF NOT EXISTS customer_identity_claims
(
    identity     String,            -- kind:value, e.g. email:ali@example.com
    kind         String,
    customer_id  String,            -- the customer whose message gave it
    source       String,            -- which form or adapter gave it
    claimed_at   DateTime
)
ENGINE = ReplacingMergeTree(claimed_at)
-- No PARTITION BY: one partition, so a repeated claim of the same (identity, customer) collapses
-- wherever it was written (ReplacingMergeTree collapses only within a partition). The table holds
-- one row per address and customer, small enough not to need partitions.
ORDER BY (identity, customer_id);

-- Until now the web form's addresses were linked like proven ones: they become claims.
INSERT INTO customer_identity_claims
SELECT identity, kind, customer_id, source, linked_at FROM customer_identities FINAL WHERE source = 'web-form';

ALTER TABLE customer_identities DELETE WHERE source = 'web-form';
