-- Survey invitations and skips, with what the dashboards group scores by (team, channel, agent)
-- and what response rates divide by.
CREATE TABLE IF NOT EXISTS survey_invitations
(
    invitation_id  String,
    kind           String,           -- csat, nps or ces
    ticket_id      String,
    customer_id    String,
    channel        String,
    team           String,
    agent_id       String,
    language       String,
    invited_at     DateTime,
    expires_at     DateTime
)
ENGINE = ReplacingMergeTree(invited_at)
PARTITION BY toYYYYMM(invited_at)
ORDER BY invitation_id;
