-- wrk script: one new event per request, so the duplicate check never short-cuts the work
-- (used by ./sanjeh bench intake). The launcher prepends `run` and `key`.
counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"event_id":"wrk-%s-%d","ticket_id":"T-wrk-%d","occurred_at":"2026-01-17T12:00:00Z","type":"customer_message","channel":"chat","author_role":"customer","body":"سلام"}', run, counter, counter % 500)
  return wrk.format("POST", "/v1/events", {["Content-Type"]="application/json", ["X-Api-Key"]=key}, body)
end
