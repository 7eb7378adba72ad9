-- wrk script of publish-under-load.crash.test.ts. Each thread requests one of the entries
-- of WRK_PATHS (space-separated, one per thread, in order): `/path` asks for the file as it is,
-- `br:/path` with the Accept-Encoding browsers send. It counts the statuses and keeps each
-- distinct body with its Content-Encoding; a chunked body (nginx compressing on the fly) is
-- counted, not kept, as wrk hands the script only its last chunk. At the end it writes them into
-- WRK_OUT: `<thread>-<n>.body` files (the encoding, a line break, the body) and `summary.tsv`
-- (one line per body, then the statuses and wrk's error counts).
local paths = {}
for p in string.gmatch(os.getenv("WRK_PATHS"), "[^ ]+") do
  paths[#paths + 1] = p
end
local threads = {}

function setup(thread)
  thread:set("path", paths[#threads % #paths + 1])
  table.insert(threads, thread)
end

function init(args)
  bodies = {}
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
  -- script fewer: kept apart, counted, since what the server sent is not here to compare.
  local partial = length and #body ~= length
  local key = chunked and "chunked" or partial and "partial" or encoding .. "\n" .. body
  bodies[key] = (bodies[key] or 0) + 1
end

function done(summary, latency, requests)
  local out = os.getenv("WRK_OUT")
  local lines = {}
  for i, thread in ipairs(threads) do
    local path = thread:get("path")
    local n = 0
    for key, count in pairs(thread:get("bodies")) do
      n = n + 1
      if key == "chunked" or key == "partial" then
        lines[#lines + 1] = table.concat({ key, path, count }, "\t")
        goto continue
      end
      local name = i .. "-" .. n .. ".body"
      local file = assert(io.open(out .. "/" .. name, "wb"))
      file:write(key)
      file:close()
      lines[#lines + 1] = table.concat({ "body", path, name, count }, "\t")
      ::continue::
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
