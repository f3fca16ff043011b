-- Shared by every scenario (loaded with dofile by each scenario script).
--
-- wrk reports non-2xx answers as one number and nothing per status, but a benchmark that hides 500s behind a
-- throughput figure is worse than none: each thread tallies its statuses in response(), and done() — which runs in
-- the main Lua state, where the threads' globals are not visible — collects the tallies through the thread
-- handles that setup() kept (thread:get copies a table between Lua states). See wrk's scripts/setup.lua.
--
-- done() prints one line for bench/run.sh to parse:
--   RESULT scenario=<name> requests=<n> seconds=<s> rps=<r> p50_ms=<ms> p99_ms=<ms> non2xx=<n>
--          socket_errors=<n> timeouts=<n> statuses=<status>:<count>,...

local threads = {}
local next_thread_id = 1

function setup(thread)
   -- Every thread gets an id, so that scenarios can make values unique across threads without coordination.
   thread:set("thread_id", next_thread_id)
   next_thread_id = next_thread_id + 1
   table.insert(threads, thread)
end

-- One table per thread: each thread loads this file into its own Lua state.
statuses = {}

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local tally = {}
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses") or {}) do
         tally[status] = (tally[status] or 0) + count
      end
   end
   local codes = {}
   for status in pairs(tally) do table.insert(codes, status) end
   table.sort(codes)
   local parts, non2xx = {}, 0
   for _, status in ipairs(codes) do
      table.insert(parts, status .. ":" .. tally[status])
      if status < 200 or status > 299 then non2xx = non2xx + tally[status] end
   end
   local errors = summary.errors
   local seconds = summary.duration / 1e6
   io.write(string.format(
      "RESULT scenario=%s requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d timeouts=%d statuses=%s\n",
      scenario, summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, non2xx,
      errors.connect + errors.read + errors.write + errors.timeout, errors.timeout,
      #parts > 0 and table.concat(parts, ",") or "none"))
end

-- The lines of a seed file written by run.sh (case numbers and tokens, ceiling row ids), for rotating reads.
function read_lines(path)
   local lines = {}
   local file = assert(io.open(path, "r"), "cannot read " .. tostring(path))
   for line in file:lines() do
      if line ~= "" then table.insert(lines, line) end
   end
   file:close()
   assert(#lines > 0, path .. " is empty: nothing was seeded")
   return lines
end

-- A tag that run.sh makes unique per wrk run, so that keys and identities never repeat between runs.
function run_tag()
   return assert(os.getenv("BENCH_RUN"), "BENCH_RUN is not set (run the scenarios through bench/run.sh)")
end
