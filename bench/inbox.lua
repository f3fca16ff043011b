-- (c) Inbox page of 20: GET /api/v1/complaints?limit=20 with an AGENT key of the institution that the seeded
-- complaints were filed with, as a back office polling its newest cases.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")
scenario = "inbox"

wrk.method = "GET"
wrk.path = "/api/v1/complaints?limit=20"
wrk.headers["X-Api-Key"] = assert(os.getenv("BENCH_AGENT_KEY"), "BENCH_AGENT_KEY is not set")
