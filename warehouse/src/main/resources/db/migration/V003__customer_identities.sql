-- Every way of reaching a customer (e-mail, phone in E.164, Telegram or WhatsApp id, …) and the
-- one customer id it belongs to. Written by ingestion's IdentityResolver; the newest link wins.
CREATE TABLE IF NOT EXISTS customer_identities
(
    identity     String,            -- kind:value, e.g. phone:+989121234567
    kind         String,
    customer_id  String,
    source       String,            -- which adapter or API source linked it
    linked_at    DateTime
)
ENGINE = ReplacingMergeTree(linked_at)
ORDER BY identity;
