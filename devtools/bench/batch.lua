-- wrk script: NDJSON batches of 1,000 new events per request (used by ./sanjeh bench intake).
-- The launcher prepends `run` (unique per run) and `key` (the intake API key).
counter = 0
local template = '{"event_id":"wrkb-%s-%d","ticket_id":"T-wrkb-%d","occurred_at":"2026-01-17T12:00:00Z","type":"customer_message","channel":"chat","author_role":"customer","language":"fa","body":"سلام، سفارش من هنوز نرسیده است. لطفاً پیگیری کنید."}\n'
request = function()
  local lines = {}
  for i = 1, 1000 do
    counter = counter + 1
    lines[i] = string.format(template, run, counter, counter % 5000)
  end
  return wrk.format("POST", "/v1/events", {["Content-Type"]="application/x-ndjson", ["X-Api-Key"]=key}, table.concat(lines))
end
