-- The select ceiling: GET /select/{id} on bench/ceiling, one primary-key SELECT, rotating over the rows run.sh
-- seeded (BENCH_ROWS: one id per line), like the case reads rotate over their cases.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")
scenario = "select"

local paths, index = {}, 0

function init(args)
   for _, id in ipairs(read_lines(os.getenv("BENCH_ROWS"))) do
      table.insert(paths, "/select/" .. id)
   end
   index = (thread_id * 97) % #paths
end

function request()
   index = index % #paths + 1
   return wrk.format("GET", paths[index])
end
