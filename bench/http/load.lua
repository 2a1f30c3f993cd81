-- load.lua — request mix and machine-readable summary for wrk.
--
--   wrk ... -s load.lua URL -- PATH...          cycle through the given paths
--   wrk ... -s load.lua URL -- ids PREFIX MAX   PREFIX..N, N drawn in 1..MAX
--
-- done() prints one line the bench script parses:
--   RESULT requests=N seconds=S rps=R p50_ms=A p90_ms=B p99_ms=C max_ms=D errors=E non2xx=F

local paths, prefix, max_id
local counter = 0
local thread_no = 0

function setup(thread)
  thread_no = thread_no + 1
  thread:set("tid", thread_no)
end

function init(args)
  if args[1] == "ids" then
    prefix, max_id = args[2], tonumber(args[3])
    math.randomseed(7919 * (tid or 1))
  else
    paths = args
  end
end

function request()
  local path
  if prefix then
    path = prefix .. math.random(1, max_id)
  else
    counter = counter + 1
    path = paths[(counter - 1) % #paths + 1]
  end
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f errors=%d non2xx=%d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.timeout, e.status))
end
