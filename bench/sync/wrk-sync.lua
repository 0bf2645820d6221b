-- wrk script: external sync workers on POST /api/v1/sync-jobs/claim and POST /api/v1/sync-jobs/{id}/complete.
-- Usage: wrk -t8 -c8 ... -s wrk-sync.lua http://127.0.0.1:PORT -- <system bearer token> <provider> <worker id prefix>
-- Run with as many threads as connections (one connection per thread): each thread is then one sequential worker
-- that claims one job (limit 1), completes it with counts and a cursor, and claims again. Worker ids are
-- <prefix>-<thread no>, so run.sh can count each run's completions in the database.
-- done() prints "BENCH key=value" lines that run.sh parses:
--   claimed    claims answered 200 with one job
--   empty      claims answered 200 with no job (nothing due for this worker)
--   completed  completes answered 200
--   other      any other answer (must be 0)

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_no", counter)
  table.insert(threads, thread)
end

local token, provider, worker
local job_id
claimed, empty, completed, other = 0, 0, 0, 0
local first_other

function init(args)
  token = assert(args[1], "token missing")
  provider = assert(args[2], "provider missing")
  worker = string.format("%s-%02d", assert(args[3], "worker prefix missing"), thread_no)
end

local function headers()
  return { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

function request()
  if job_id then
    return wrk.format("POST", "/api/v1/sync-jobs/" .. job_id .. "/complete", headers(), string.format(
      '{"workerId":"%s","recordsFetched":100,"recordsCreated":60,"recordsUpdated":40,"cursor":"c-%s"}', worker, job_id))
  end
  return wrk.format("POST", "/api/v1/sync-jobs/claim", headers(),
    string.format('{"workerId":"%s","providers":["%s"],"limit":1,"leaseSeconds":60}', worker, provider))
end

function response(status, hdrs, body)
  if job_id then
    if status == 200 then completed = completed + 1 else other = other + 1 end
    job_id = nil
  elseif status == 200 then
    local id = body:match('"id":"([0-9a-f%-]+)"')
    if id then claimed = claimed + 1; job_id = id else empty = empty + 1 end
  else
    other = other + 1
  end
  if status ~= 200 and not first_other then
    first_other = tostring(status) .. " " .. tostring(body):sub(1, 200)
    io.stderr:write("unexpected response: " .. first_other .. "\n")
  end
end

function done(summary, latency, requests)
  local c, e, d, o = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("claimed"); e = e + t:get("empty"); d = d + t:get("completed"); o = o + t:get("other")
  end
  io.write(string.format("BENCH requests=%d\n", summary.requests))
  io.write(string.format("BENCH claimed=%d\nBENCH empty=%d\nBENCH completed=%d\nBENCH other=%d\n", c, e, d, o))
  io.write(string.format("BENCH duration_us=%d\n", summary.duration))
  io.write(string.format("BENCH completed_per_s=%.1f\n", d / (summary.duration / 1e6)))
  io.write(string.format("BENCH lat_p50_us=%d\nBENCH lat_p99_us=%d\n", latency:percentile(50), latency:percentile(99)))
  local s = summary.errors
  io.write(string.format("BENCH err_connect=%d\nBENCH err_read=%d\nBENCH err_write=%d\nBENCH err_timeout=%d\n",
    s.connect, s.read, s.write, s.timeout))
end
