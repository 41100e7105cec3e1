-- The dashboards' source tables derived from the generated raw events (ticket_events) for the
-- speed benchmark: the volumes and cardinalities the streaming job and the survey service would
-- write for the same events (one SLA row per ticket, a row per minute and dimension values and per
-- quarter hour without the agent, an invitation per solved ticket), with simplified rules
-- (calendar time, no pauses): the benchmark measures how fast the dashboards read tables of that
-- size, not the SLA rules.
-- {now} is the moment the benchmark's "now" stands at (its last event).

INSERT INTO sla_tickets (ticket_id, as_of, policy, channel, team, priority, agent_id, customer_tier,
    ticket_status, removed, fr_status, fr_target_s, fr_started_at, fr_due_at, fr_fulfilled_at,
    fr_business_s, fr_calendar_s, nr_status, nr_target_s, res_status, res_target_s, res_started_at,
    res_due_at, res_fulfilled_at, res_business_s, res_calendar_s, version)
SELECT
    ticket_id, as_of, 'bench', channel, team, priority, agent_id, customer_tier,
    if(last_status = '', 'new', last_status), '',
    multiIf(toUInt32(replied) > 0, if(replied <= created + fr_target, 'achieved', 'breached'),
            toDateTime({now}) > created + fr_target, 'breached', 'running'),
    fr_target, created, created + fr_target, replied,
    if(toUInt32(replied) > 0, toFloat64(replied - created), 0),
    if(toUInt32(replied) > 0, toFloat64(replied - created), 0),
    'not_started', toUInt32(0),
    multiIf(toUInt32(solved_at) > 0, if(solved_at <= created + res_target, 'achieved', 'breached'),
            toDateTime({now}) > created + res_target, 'breached', 'running'),
    res_target, created, created + res_target, solved_at,
    if(toUInt32(solved_at) > 0, toFloat64(solved_at - created), 0),
    if(toUInt32(solved_at) > 0, toFloat64(solved_at - created), 0),
    toUInt64(as_of) * 1000000
FROM
(
    SELECT
        ticket_id, created, as_of, channel, team, priority, agent_id, customer_tier, last_status,
        replied, solved_at,
        toUInt32(multiIf(priority = 'urgent', 1800, priority = 'high', 3600, 14400)) AS fr_target,
        toUInt32(multiIf(priority = 'urgent', 28800, priority = 'high', 57600, 172800)) AS res_target
    FROM
    (
        SELECT
            ticket_id,
            min(occurred_at) AS created,
            max(occurred_at) AS as_of,
            any(channel) AS channel,
            argMaxIf(team, occurred_at, team != '') AS team,
            argMaxIf(priority, occurred_at, priority != '') AS priority,
            argMaxIf(agent_id, occurred_at, agent_id != '') AS agent_id,
            any(customer_tier) AS customer_tier,
            argMaxIf(status, occurred_at, status != '') AS last_status,
            minIf(occurred_at, event_type = 'agent_reply' AND author_role = 'agent') AS replied,
            maxIf(occurred_at, event_type IN ('resolved', 'closed')) AS solved_at
        FROM ticket_events
        GROUP BY ticket_id
    ) AS per_ticket
) AS with_targets;

-- at-risk alerts for first responses that used more than 75% of their target, breaches for those
-- that missed it
INSERT INTO sla_alerts (alert_id, ticket_id, target, kind, at, at_ms, due_at, policy, channel, team,
    priority, agent_id)
SELECT concat(ticket_id, '-fr-', kind), ticket_id, 'first_response', kind,
       if(kind = 'breached', fr_due_at, fr_started_at + toUInt32(fr_target_s * 3 / 4)), 0,
       fr_due_at, policy, channel, team, priority, agent_id
FROM sla_tickets FINAL
ARRAY JOIN ['at_risk', 'breached'] AS kind
WHERE fr_status = 'breached' OR (kind = 'at_risk' AND fr_business_s > fr_target_s * 3 / 4);

INSERT INTO sla_minute (minute, channel, team, priority, agent_id, created, first_responses,
    frt_sum_s, frt_buckets, frt_counts, breaches, solved, reopened, backlog_delta, version)
SELECT
    toStartOfMinute(occurred_at) AS minute_start, channel, team, priority, agent_id,
    toUInt32(countIf(event_type = 'ticket_created')),
    toUInt32(countIf(event_type = 'agent_reply' AND author_role = 'agent')),
    0, [], [], toUInt32(0),
    toUInt32(countIf(event_type IN ('resolved', 'closed'))),
    toUInt32(countIf(event_type = 'reopened')),
    toInt32(countIf(event_type IN ('ticket_created', 'reopened'))
            - countIf(event_type IN ('resolved', 'closed'))),
    toUInt64(1)
FROM ticket_events
GROUP BY minute_start, channel, team, priority, agent_id;

-- sla_quarter as the streaming job writes it: sla_minute summed per quarter hour and channel, team
-- and priority (no agent), the version being the facts counted (read without FINAL: the statement
-- above wrote each minute row once)
INSERT INTO sla_quarter (quarter, channel, team, priority, created, first_responses, frt_sum_s,
    frt_buckets, frt_counts, breaches, solved, reopened, backlog_delta, version)
SELECT quarter_start, channel, team, priority, toUInt32(sum(created)),
    toUInt32(sum(first_responses)), sum(frt_sum_s),
    tupleElement(sumMap(frt_buckets, frt_counts) AS histogram, 1),
    arrayMap(c -> toUInt32(c), tupleElement(histogram, 2)),
    toUInt32(sum(breaches)), toUInt32(sum(solved)), toUInt32(sum(reopened)),
    toInt32(sum(backlog_delta)), sum(version)
FROM
(
    SELECT toStartOfFifteenMinutes(minute) AS quarter_start, channel, team, priority, created,
           first_responses, frt_sum_s, frt_buckets, frt_counts, breaches, solved, reopened,
           backlog_delta, version
    FROM sla_minute
) AS minutes
GROUP BY quarter_start, channel, team, priority;

-- one invitation per solved ticket, the kind by the ticket id; about 40% answered
INSERT INTO survey_invitations (invitation_id, kind, ticket_id, customer_id, channel, team,
    agent_id, language, invited_at, expires_at)
SELECT concat('inv-', ticket_id),
       ['csat', 'nps', 'ces'][cityHash64(ticket_id) % 3 + 1],
       ticket_id, concat('c-', ticket_id), channel, team, agent_id, 'en',
       res_fulfilled_at + 60, res_fulfilled_at + 604860
FROM sla_tickets FINAL
WHERE toUInt32(res_fulfilled_at) > 0;

INSERT INTO survey_responses (invitation_id, kind, score, comment, reasons, first_answered_at,
    answered_at, version)
SELECT invitation_id, kind,
       toUInt8(multiIf(kind = 'nps', cityHash64(invitation_id, 1) % 11,
                       kind = 'csat', cityHash64(invitation_id, 1) % 5 + 1,
                       cityHash64(invitation_id, 1) % 7 + 1)),
       '', [], invited_at + 3600, invited_at + 3600, toUInt64(invited_at + 3600) * 1000
FROM survey_invitations FINAL
WHERE cityHash64(invitation_id) % 5 < 2;

INSERT INTO survey_alerts (invitation_id, kind, score, comment, detractor, answered_at, version)
SELECT invitation_id, kind, score, comment, 1, answered_at, version
FROM survey_responses FINAL
WHERE (kind = 'nps' AND score <= 6) OR (kind = 'csat' AND score <= 2);
