-- (d) Public reference list: GET /api/v1/institutions?limit=20, anonymous, what every front end loads first.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")
scenario = "list"

wrk.method = "GET"
wrk.path = "/api/v1/institutions?limit=20"
