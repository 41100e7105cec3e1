-- SLA semantics of issue 12 (docs/metrics.md): what the ticket rows report beyond V008.
-- One ALTER per column: ClickHouse 18.16 and current ClickHouse both add a column with its
-- default to the parts already written (0, 1970-01-01 00:00:00, ''), without rewriting them.

-- Next-response cycles whose reply came after their deadline (nr_cycles counts them all).
ALTER TABLE sla_tickets ADD COLUMN nr_breached UInt32 AFTER nr_longest_s;

-- First resolution (creation to the first solve); res_* is full resolution (to the last solve).
ALTER TABLE sla_tickets ADD COLUMN res_first_fulfilled_at DateTime AFTER res_paused_s;
ALTER TABLE sla_tickets ADD COLUMN res_first_business_s Float64 AFTER res_first_fulfilled_at;
ALTER TABLE sla_tickets ADD COLUMN res_first_calendar_s Float64 AFTER res_first_business_s;

-- 'merged' or 'deleted' when the ticket left the metrics that way (every target then reads
-- cancelled); dashboards count only rows with removed = ''.
ALTER TABLE sla_tickets ADD COLUMN removed String AFTER ticket_status;

-- 1 when a bot talked with the customer and no person took over or replied.
ALTER TABLE sla_tickets ADD COLUMN bot_only UInt8 AFTER removed;

-- Periodic update (Zendesk): completed intervals from a public human reply to the next while the
-- ticket is open, and the longest, in the policy's measure.
ALTER TABLE sla_tickets ADD COLUMN pu_cycles UInt32 AFTER bot_only;
ALTER TABLE sla_tickets ADD COLUMN pu_longest_s Float64 AFTER pu_cycles;

-- Zendesk's requester wait (time in new, open and on hold) and agent work (new and open), in the
-- policy's measure, as of the row.
ALTER TABLE sla_tickets ADD COLUMN requester_wait_s Float64 AFTER pu_longest_s;
ALTER TABLE sla_tickets ADD COLUMN agent_work_s Float64 AFTER requester_wait_s;
