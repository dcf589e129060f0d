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

-- The report of percentiles.lua (wrk runs from the repository root: see api-load.sh).
dofile("bench/load/percentiles.lua")
