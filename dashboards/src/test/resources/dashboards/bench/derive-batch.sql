-- The batch jobs' tables derived for the speed benchmark from the generated events and the tables
-- derive.sql wrote (ticket_events, ticket_messages, sla_tickets), at the volumes the jobs would
-- write for the same data (batch/README.md):
--   sentiment_messages  one row per customer message (ticket_created or customer_message by the
--                       customer), as `batch sentiment` over the whole period;
--   sentiment_tickets   one row per ticket with customer messages;
--   churn_scores        one row per customer in contact within 180 days, per scoring day;
--   dissatisfaction_scores  one row per ticket open at the scoring day's start or solved within
--                       the 7 days before it (`--recent-days 7`), per scoring day;
--   kpi_daily           one row per local day and dimension value (all, channel, team, agent).
-- Three scoring days (the UTC days of now - 2, now - 1 and now), so that the datasets' argMax over
-- scoring days has several rows per ticket and customer to choose from, under FINAL.
-- Simplified (the benchmark measures read speed, not the models): scores, probabilities, token
-- counts and drivers are hashes of the ids, not model outputs (risk bands about 10% high and 20%
-- medium, as the models' thresholds give; about 5% of the scored rows without drivers); sentiment
-- labels use fixed cut points (-0.2 and 0.2); a dissatisfaction row's status is only open or
-- solved at the scoring moment; the rollups count a ticket under its latest team, channel and
-- agent, FCR as "one agent reply, never reopened", and the backlog is the running sum of created
-- + reopened - solved per dimension value at the end of each local day (a day on which a value
-- had no event has no row).
-- Each re-run of a real job deletes its older rows of the day (a mutation), so one version each.
-- {now} is the benchmark's now (its last event, UTC seconds), {zone} the business's time zone.

INSERT INTO sentiment_messages (event_id, ticket_id, ticket_date, occurred_at, occurred_at_ms,
    local_date, language, model, label, score, tokens, cut_tokens, sentence_scores,
    sentence_tokens, score_key, version)
SELECT event_id, ticket_id, toDate(first_at, '{zone}'), occurred_at, occurred_at_ms, local_date,
       language, model, multiIf(score < -0.2, 'negative', score > 0.2, 'positive', 'neutral'),
       score, tokens, 0, toString(score), toString(tokens), hex(SHA256(concat(model, event_id))),
       toUInt64({now}) * 1000
FROM
(
    SELECT event_id, ticket_id, occurred_at, occurred_at_ms, local_date, language,
           if(language = 'fa', 'sanjeh-fa-lexicon@1', 'corenlp-sentiment-sr@4.5.10') AS model,
           round((cityHash64(event_id) % 2001) / 1000 - 1, 3) AS score,
           toUInt32(5 + cityHash64(event_id, 1) % 60) AS tokens
    FROM ticket_messages FINAL
    WHERE author_role = 'customer' AND event_type IN ('ticket_created', 'customer_message')
) AS m
ANY INNER JOIN
(
    SELECT ticket_id, min(occurred_at) AS first_at
    FROM ticket_messages
    WHERE author_role = 'customer' AND event_type IN ('ticket_created', 'customer_message')
    GROUP BY ticket_id
) AS f USING (ticket_id);

INSERT INTO sentiment_tickets (ticket_id, ticket_date, first_message_at, last_message_at, messages,
    level, trend, first_score, last_score, label, models, version)
SELECT ticket_id, ticket_date, first_message_at, last_message_at, messages, level,
       last_score - first_score, first_score, last_score,
       multiIf(level < -0.2, 'negative', level > 0.2, 'positive', 'neutral'), models,
       toUInt64({now}) * 1000
FROM
(
    SELECT ticket_id, any(ticket_date) AS ticket_date, min(occurred_at) AS first_message_at,
           max(occurred_at) AS last_message_at, toUInt32(count()) AS messages,
           sum(score * tokens) / sum(tokens) AS level,
           argMin(score, occurred_at) AS first_score, argMax(score, occurred_at) AS last_score,
           arrayStringConcat(arraySort(groupUniqArray(model)), ',') AS models
    FROM sentiment_messages FINAL
    GROUP BY ticket_id
) AS t;

INSERT INTO churn_scores (as_of, customer_id, model_version, probability, risk_band, top_drivers,
    version)
SELECT as_of, customer_id, concat('churn-', toString(as_of)), u * u,
       multiIf(u >= 0.9, 'high', u >= 0.7, 'medium', 'low'),
       arraySlice(
           arrayMap(i -> arrayElement(
                        ['tickets_total', 'tickets_30d', 'tickets_90d', 'open_tickets',
                         'channels_used', 'frt_mean_h', 'frt_max_h', 'resolution_mean_h',
                         'fr_breaches', 'sla_breaches', 'breach_share', 'reopens',
                         'replies_per_ticket', 'customer_messages_per_ticket',
                         'days_since_last_contact', 'tenure_days', 'csat_mean', 'nps_mean',
                         'ces_mean', 'surveys_answered', 'low_scores', 'sentiment_level',
                         'sentiment_trend'], (h + i) % 23 + 1),
                    [0, 1 + h % 7, 8 + intDiv(h, 7) % 7]),
           1, if(h % 20 = 0, 0, 3)),
       toUInt64({now}) * 1000
FROM
(
    SELECT customer_id, as_of,
           (cityHash64(customer_id) % 1000 + cityHash64(customer_id, as_of) % 3) / 1002 AS u,
           cityHash64(customer_id, 7) AS h
    FROM
    (
        SELECT customer_id, max(occurred_at) AS last_at
        FROM ticket_events
        WHERE customer_id != '' AND occurred_at < toDateTime({now})
        GROUP BY customer_id
    ) AS c
    ARRAY JOIN [toDate(toDateTime({now}), 'UTC') - 2, toDate(toDateTime({now}), 'UTC') - 1,
                toDate(toDateTime({now}), 'UTC')] AS as_of
    WHERE last_at >= toDateTime(as_of, 'UTC') - 180 * 86400
) AS s;

INSERT INTO dissatisfaction_scores (as_of, ticket_id, customer_id, team, channel, priority,
    ticket_status, model_version, probability, risk_band, top_drivers, version)
SELECT as_of, ticket_id, customer_id, team, channel, priority,
       if(toUInt32(res_fulfilled_at) > 0 AND res_fulfilled_at < toDateTime(as_of, 'UTC'), 'solved', 'open'),
       concat('dissatisfaction-', toString(as_of)), u * u,
       multiIf(u >= 0.9, 'high', u >= 0.7, 'medium', 'low'),
       arraySlice(
           arrayMap(i -> arrayElement(
                        ['open_h', 'frt_h', 'fr_breached', 'nr_breached', 'res_breached',
                         'waiting_h', 'reopens', 'customer_messages', 'replies',
                         'reassignments', 'prior_tickets', 'prior_breaches', 'sentiment_level',
                         'sentiment_trend', 'channel', 'team', 'priority'], (h + i) % 17 + 1),
                    [0, 1 + h % 5, 6 + intDiv(h, 5) % 5]),
           1, if(h % 20 = 0, 0, 3)),
       toUInt64({now}) * 1000
FROM
(
    SELECT as_of, ticket_id, customer_id, team, channel, priority, res_fulfilled_at,
           (cityHash64(ticket_id) % 1000 + cityHash64(ticket_id, as_of) % 3) / 1002 AS u,
           cityHash64(ticket_id, 7) AS h
    FROM
    (
        SELECT ticket_id, team, channel, priority, fr_started_at, res_fulfilled_at
        FROM sla_tickets FINAL
        WHERE fr_started_at < toDateTime({now})
          AND (toUInt32(res_fulfilled_at) = 0
               OR res_fulfilled_at >= toDateTime(toDate(toDateTime({now}), 'UTC') - 2, 'UTC') - 7 * 86400)
    ) AS t
    ANY INNER JOIN
    (
        SELECT ticket_id, any(customer_id) AS customer_id
        FROM ticket_events
        WHERE event_type = 'ticket_created'
        GROUP BY ticket_id
    ) AS c USING (ticket_id)
    ARRAY JOIN [toDate(toDateTime({now}), 'UTC') - 2, toDate(toDateTime({now}), 'UTC') - 1,
                toDate(toDateTime({now}), 'UTC')] AS as_of
    WHERE fr_started_at < toDateTime(as_of, 'UTC')
      AND (toUInt32(res_fulfilled_at) = 0 OR res_fulfilled_at >= toDateTime(as_of, 'UTC') - 7 * 86400)
) AS s;

INSERT INTO kpi_daily (local_date, time_zone, dimension, dimension_value, created, solved,
    solved_tickets, fcr, zero_reply_solved, reopened, backlog, backlog_at, version)
SELECT day.1, '{zone}', dimension, dimension_value, day.2, day.3, day.4, day.5, day.6, day.7,
       toUInt32(greatest(backlog, 0)),
       toDateTime(concat(toString(day.1 + 1), ' 00:00:00'), '{zone}'),
       toUInt64({now}) * 1000
FROM
(
    SELECT dimension, dimension_value, days, arrayCumSum(arrayMap(d -> d.8, days)) AS backlogs
    FROM
    (
        -- tuples sorted by their first element, the day: the running sum runs in day order
        SELECT dimension, dimension_value,
               arraySort(groupArray((local_date, created, solved, solved_tickets, fcr,
                                     zero_reply_solved, reopened, delta))) AS days
        FROM
        (
            SELECT toDate(at, '{zone}') AS local_date, dimension, dimension_value,
                   toUInt32(countIf(fact = 'created')) AS created,
                   toUInt32(countIf(fact = 'solved')) AS solved,
                   toUInt32(countIf(fact = 'solved' AND at = first_solve)) AS solved_tickets,
                   toUInt32(countIf(fact = 'solved' AND at = first_solve AND replies = 1
                                    AND reopens = 0)) AS fcr,
                   toUInt32(countIf(fact = 'solved' AND at = first_solve AND replies = 0))
                       AS zero_reply_solved,
                   toUInt32(countIf(fact = 'reopened')) AS reopened,
                   toInt64(countIf(fact IN ('created', 'reopened'))) - countIf(fact = 'solved')
                       AS delta
            FROM
            (
                SELECT at, fact, first_solve, replies, reopens, team, channel, agent_id
                FROM
                (
                SELECT ticket_id, team, channel, agent_id, replies, length(reopen_times) AS reopens,
                       arrayReduce('min', solve_times) AS first_solve,
                       arrayConcat([created_at], solve_times, reopen_times) AS times,
                       arrayConcat(['created'], arrayMap(t -> 'solved', solve_times),
                                   arrayMap(t -> 'reopened', reopen_times)) AS facts
                FROM
                (
                    SELECT ticket_id, min(occurred_at) AS created_at,
                           argMaxIf(team, occurred_at, team != '') AS team,
                           any(channel) AS channel,
                           argMaxIf(agent_id, occurred_at, agent_id != '') AS agent_id,
                           countIf(event_type = 'agent_reply' AND author_role = 'agent') AS replies,
                           groupArrayIf(occurred_at, event_type IN ('resolved', 'closed'))
                               AS solve_times,
                           groupArrayIf(occurred_at, event_type = 'reopened') AS reopen_times
                    FROM ticket_events
                    GROUP BY ticket_id
                ) AS per_ticket
                ) AS t
                ARRAY JOIN times AS at, facts AS fact
            ) AS f
            ARRAY JOIN ['all', 'channel', 'team', 'agent'] AS dimension,
                       ['', channel, team, agent_id] AS dimension_value
            GROUP BY local_date, dimension, dimension_value
        ) AS per_day
        GROUP BY dimension, dimension_value
    ) AS per_value
) AS v
ARRAY JOIN days AS day, backlogs AS backlog;
