-- wrk script for bench/dashboard.sh: every request carries the next of many users' access tokens (one per line in
-- the file $MITA_BENCH_TOKENS), each thread starting elsewhere in the list; the summary line of wrk-report.lua.
dofile(os.getenv("MITA_BENCH_DIR") .. "/wrk-report.lua")

local tokens = {}
local next_token = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 7919)
end

function init(args)
  for line in io.lines(os.getenv("MITA_BENCH_TOKENS")) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  next_token = (offset or 0) % #tokens
end

function request()
  next_token = next_token % #tokens + 1
  return wrk.format(nil, nil, {["Authorization"] = "Bearer " .. tokens[next_token]})
end
