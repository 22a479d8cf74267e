-- wrk script: rotates through realistic questions on one endpoint and prints a summary line
-- for run.sh.
--
--   wrk ... -s queries.lua http://127.0.0.1:PORT -- /v1/search limit=5
--   wrk ... -s queries.lua http://127.0.0.1:PORT -- /static.json      (a fixed path, no query)
--
-- The first argument is the path; with a second (extra query parameters, or "-" for none)
-- each request asks one of the questions below as ?q=, in turn. Every thread builds its
-- requests once, in init, so that wrk spends its time on the socket, not in Lua.
-- The last line printed is:
--   RESULT <requests> <duration_us> <p50_us> <p99_us> <socket_errors> <non_2xx>

local questions = {
  "what is an EHC plan",
  "graduated approach assess plan do review",
  "who is the SENCO",
  "does my child need a diagnosis to get SEN support",
  "how often should SEN support be reviewed",
  "can I ask for an EHC needs assessment myself",
  "what is the notional SEN budget",
  "the school says it cannot afford support",
}

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local prepared = {}
local nextRequest = 1

function init(args)
  local path = args[1] or "/"
  if args[2] == nil then
    prepared[1] = wrk.format("GET", path)
    return
  end
  local extra = args[2] ~= "-" and ("&" .. args[2]) or ""
  for i, question in ipairs(questions) do
    prepared[i] = wrk.format("GET", path .. "?q=" .. encode(question) .. extra)
  end
end

function request()
  local r = prepared[nextRequest]
  nextRequest = nextRequest % #prepared + 1
  return r
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
