-- (b) Case read by token: GET /api/v1/complaints/{number} with X-Case-Token, as a citizen following a case.
-- Rotates over the complaints run.sh seeded (BENCH_CASES: "number token" per line), each thread from its own
-- offset, so that the reads spread over many rows instead of one hot, cached row.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")
scenario = "read"

local cases, index = {}, 0

function init(args)
   for _, line in ipairs(read_lines(os.getenv("BENCH_CASES"))) do
      local number, token = line:match("^(%S+)%s+(%S+)$")
      table.insert(cases, { path = "/api/v1/complaints/" .. number, token = token })
   end
   index = (thread_id * 97) % #cases
end

function request()
   index = index % #cases + 1
   local case = cases[index]
   return wrk.format("GET", case.path, { ["X-Case-Token"] = case.token })
end
