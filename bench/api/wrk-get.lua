-- wrk script: GET /api/v1/integrations/{id} for a random tenant and a random row of that tenant.
-- Usage: wrk ... -s wrk-get.lua http://127.0.0.1:PORT -- <tokens-file> <rows-per-tenant>
-- The tokens file holds one bearer token per line; line t is the token of tenant t, whose rows are
--   00000000-0000-4000-a<ttt>-<nnnnnnnnnnnn>  (t zero-padded to 3 digits, n to 12), see bench/api/load-data.sql.
-- done() prints machine-readable "BENCH key=value" lines (latencies in microseconds) that run.sh parses.

local tokens = {}
local rows = 1000
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_no", counter)
end

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot open tokens file " .. tostring(args[1]))
  for line in file:lines() do
    if #line > 0 then
      tokens[#tokens + 1] = "Bearer " .. line
    end
  end
  file:close()
  assert(#tokens > 0 and #tokens <= 999, "need 1..999 tokens")
  rows = tonumber(args[2]) or rows
  math.randomseed(os.time() * 1000 + (thread_no or 0) * 7919)
end

function request()
  local t = math.random(1, #tokens)
  local n = math.random(1, rows)
  local path = string.format("/api/v1/integrations/00000000-0000-4000-a%03d-%012d", t, n)
  return wrk.format("GET", path, { ["Authorization"] = tokens[t] })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH requests=%d\n", summary.requests))
  io.write(string.format("BENCH duration_us=%d\n", summary.duration))
  io.write(string.format("BENCH rps=%.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("BENCH lat_mean_us=%.0f\n", latency.mean))
  io.write(string.format("BENCH lat_p50_us=%d\n", latency:percentile(50)))
  io.write(string.format("BENCH lat_p90_us=%d\n", latency:percentile(90)))
  io.write(string.format("BENCH lat_p99_us=%d\n", latency:percentile(99)))
  io.write(string.format("BENCH lat_max_us=%d\n", latency.max))
  io.write(string.format("BENCH err_status=%d\n", e.status))
  io.write(string.format("BENCH err_connect=%d\n", e.connect))
  io.write(string.format("BENCH err_read=%d\n", e.read))
  io.write(string.format("BENCH err_write=%d\n", e.write))
  io.write(string.format("BENCH err_timeout=%d\n", e.timeout))
end
