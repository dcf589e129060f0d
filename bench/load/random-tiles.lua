-- wrk script: each request a random neighbourhood tile at zoom 14 over England (376 x 444 tiles), so most miss
-- the server's tile cache and are cut anew (in process, or by PostGIS with --connection). Reports as percentiles.lua.
local z, x0, x1, y0, y1 = 14, 7900, 8275, 5160, 5603
local counter = 0

setup = function(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

init = function(args)
  math.randomseed(seed * 7919 + os.time())
end

request = function()
  local x = math.random(x0, x1)
  local y = math.random(y0, y1)
  return wrk.format("GET", string.format("/tiles/neighbourhood/%d/%d/%d.mvt", z, x, y))
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests %d errors %d non2xx %d seconds %.2f rps %.1f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, seconds, summary.requests / seconds))
  io.write(string.format("latency_ms p50 %.3f p95 %.3f p99 %.3f max %.3f\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
