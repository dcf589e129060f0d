-- wrk script for bench/load/soak.sh: a weighted mix of what a map user asks for. Arguments (after wrk's `--`):
--   indicator system system2 place west south east north
-- the indicator, two systems and a place of the dataset, and the dataset's bounds in degrees (from its TileJSON).
-- Each request is drawn at random: the children of a system and of a place, an area, a level's values, hotspots, a
-- comparison of two systems, a trend, the same few tiles at zooms 5 to 14 (cached after the first), and random tiles
-- inside the bounds at zooms 6, 8, 10, 12 and 14 (most of them cut anew at 12 and 14). Reports as percentiles.lua.
local paths, weights, total = {}, {}, 0
local counter = 0

setup = function(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

local function add(weight, path)
  total = total + weight
  paths[#paths + 1] = path
  weights[#weights + 1] = total
end

-- Web Mercator tile column and row of a longitude and latitude at zoom z.
local function tile(lon, lat, z)
  local n = 2 ^ z
  local x = math.floor((lon + 180) / 360 * n)
  local r = math.rad(lat)
  local y = math.floor((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n)
  return x, y
end

-- A band of random tiles: { level, z, x0, x1, y0, y1 } in place of a path.
local function band(weight, level, z, west, south, east, north)
  local x0, y0 = tile(west, north, z)
  local x1, y1 = tile(east, south, z)
  total = total + weight
  paths[#paths + 1] = { level, z, x0, x1, y0, y1 }
  weights[#weights + 1] = total
end

init = function(args)
  math.randomseed(seed * 7919 + os.time())
  local indicator, system, system2, place = args[1], args[2], args[3], args[4]
  local west, south, east, north = tonumber(args[5]), tonumber(args[6]), tonumber(args[7]), tonumber(args[8])
  local i = "/api/indicators/" .. indicator
  add(15, i .. "/areas/" .. system .. "/children")
  add(5, i .. "/areas/" .. place .. "/children")
  add(10, "/api/areas/" .. place)
  add(5, i .. "/levels/place/values")
  add(5, i .. "/areas/" .. place .. "/hotspots?by=excess&top=20")
  add(5, "/api/compare?indicator=" .. indicator .. "&areas=" .. system .. "," .. system2)
  add(5, i .. "/areas/" .. place .. "/trend")
  -- The same tiles again and again (cached after the first): around the middle of the bounds.
  local lon, lat = (west + east) / 2, (south + north) / 2
  for _, lz in ipairs({ { "system", 5 }, { "place", 8 }, { "neighbourhood", 10 }, { "neighbourhood", 12 }, { "neighbourhood", 14 } }) do
    local x, y = tile(lon, lat, lz[2])
    add(6, string.format("/tiles/%s/%d/%d/%d.mvt", lz[1], lz[2], x, y))
  end
  band(2, "system", 6, west, south, east, north)
  band(2, "place", 8, west, south, east, north)
  band(3, "neighbourhood", 10, west, south, east, north)
  band(5, "neighbourhood", 12, west, south, east, north)
  band(8, "neighbourhood", 14, west, south, east, north)
end

request = function()
  local r = math.random() * total
  local k = 1
  while weights[k] < r do
    k = k + 1
  end
  local p = paths[k]
  if type(p) == "table" then
    p = string.format("/tiles/%s/%d/%d/%d.mvt", p[1], p[2], math.random(p[3], p[4]), math.random(p[5], p[6]))
  end
  return wrk.format("GET", p)
end

-- The report of percentiles.lua (wrk runs from the repository root: see soak.sh).
dofile("bench/load/percentiles.lua")
