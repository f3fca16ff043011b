-- (f) What an institution's system and a public dashboard ask of issue 11 and 10's endpoints, in turn: the unified
-- inbox, the change feed, the institution's webhook subscriptions (AGENT key) and the public statistics (anonymous),
-- while the submissions of the scenarios before it are still being sequenced, counted and sent by the server's jobs.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")
scenario = "integration"

local key = assert(os.getenv("BENCH_AGENT_KEY"), "BENCH_AGENT_KEY is not set")
local calls = {
   { "/api/v1/inbox?limit=20", key },
   { "/api/v1/inbox?service=COMPLAINTS&status=RECEIVED&limit=20", key },
   { "/api/v1/inbox/events?after=0&limit=50", key },
   { "/api/v1/webhooks", key },
   { "/api/v1/statistics?groupBy=MONTH", nil },
   { "/api/v1/statistics?service=COMPLAINTS&groupBy=BODY", nil },
}

local counter = 0
request = function()
   counter = counter + 1
   local call = calls[counter % #calls + 1]
   local headers = {}
   if call[2] then
      headers["X-Api-Key"] = call[2]
   end
   return wrk.format("GET", call[1], headers)
end
