-- GET /api/v1/statistics with a filter combination drawn at random, for each request, from the file that
-- bench/statistics.sh writes (STATS_PATHS: one path and query per line), anonymous, as public dashboards ask.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")
scenario = "statistics"

local paths = {}
for line in io.lines(os.getenv("STATS_PATHS")) do
   table.insert(paths, line)
end

local counter = 0
request = function()
   counter = counter + 1
   -- a fixed stride over the list (no random seed to share between threads): every combination is asked as often
   return wrk.format("GET", paths[(counter * 7919) % #paths + 1])
end
