-- wrk script of publish-under-load.crash.test.ts. Each thread requests one of the entries
-- of WRK_PATHS (space-separated, one per thread, in order): `/path` asks for the file as it is,
-- `br:/path` with the Accept-Encoding browsers send. It counts the statuses and keeps each
-- distinct body with its Content-Encoding; a chunked body (nginx compressing on the fly) is
-- counted, not kept, as wrk hands the script only its last chunk. At the end it writes them into
-- WRK_OUT: `<thread>-<n>.body` files (the encoding, a line break, the body) and `summary.tsv`
-- (one line per body, then the statuses and wrk's error counts).
--
-- A thread's values reach done() through thread:get, which copies a string only up to its
-- first zero byte (wrk 4.1's script_copy_value uses lua_pushstring): every brotli body has one
-- (the front page's at byte 158), so bodies and keys cross as hex, made once per distinct body.
local paths = {}
for p in string.gmatch(os.getenv("WRK_PATHS"), "[^ ]+") do
  paths[#paths + 1] = p
end
local threads = {}

function setup(thread)
  thread:set("path", paths[#threads % #paths + 1])
  table.insert(threads, thread)
end

local function hex(bytes)
  return (bytes:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end

local function unhex(text)
  return (text:gsub("..", function(h) return string.char(tonumber(h, 16)) end))
end

function init(args)
  -- slot[key] (this thread's only) -> n; kinds[n]: "chunked", "partial" or hex(key); counts[n].
  slot = {}
  kinds = {}
  counts = {}
  statuses = {}
  local compressed, url = string.match(path, "^(br:)(.*)$")
  local headers = compressed and { ["Accept-Encoding"] = "gzip, br" } or {}
  req = wrk.format("GET", url or path, headers)
end

function request()
  return req
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local encoding = headers["Content-Encoding"] or headers["content-encoding"] or "identity"
  local chunked = headers["Transfer-Encoding"] or headers["transfer-encoding"]
  local length = tonumber(headers["Content-Length"] or headers["content-length"] or "")
  -- wrk completed the response (its parser counted Content-Length bytes) but handed the
  -- script another number of bytes: kept apart, counted, as what the server sent is not here.
  local partial = length and #body ~= length
  local key = chunked and "chunked" or partial and "partial" or encoding .. "\n" .. body
  local n = slot[key]
  if not n then
    n = #kinds + 1
    slot[key] = n
    kinds[n] = (chunked or partial) and key or hex(key)
    counts[n] = 0
  end
  counts[n] = counts[n] + 1
end

function done(summary, latency, requests)
  local out = os.getenv("WRK_OUT")
  local lines = {}
  for i, thread in ipairs(threads) do
    local path = thread:get("path")
    local counts = thread:get("counts")
    for n, kind in ipairs(thread:get("kinds")) do
      if kind == "chunked" or kind == "partial" then
        lines[#lines + 1] = table.concat({ kind, path, counts[n] }, "\t")
      else
        local name = i .. "-" .. n .. ".body"
        local file = assert(io.open(out .. "/" .. name, "wb"))
        file:write(unhex(kind))
        file:close()
        lines[#lines + 1] = table.concat({ "body", path, name, counts[n] }, "\t")
      end
    end
    for status, count in pairs(thread:get("statuses")) do
      lines[#lines + 1] = table.concat({ "status", path, status, count }, "\t")
    end
  end
  local e = summary.errors
  lines[#lines + 1] = table.concat({ "requests", summary.requests }, "\t")
  lines[#lines + 1] = table.concat(
    { "errors", e.connect, e.read, e.write, e.status, e.timeout }, "\t")
  local file = assert(io.open(out .. "/summary.tsv", "w"))
  file:write(table.concat(lines, "\n") .. "\n")
  file:close()
end
