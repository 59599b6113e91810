-- Shared by the room scripts: every write is fenced by the room's lease. KEYS[1] is the lease,
-- ARGV[1] the writer's token ("node|epoch"); a writer whose lease lapsed or was taken over is
-- refused, so two nodes never both write one room.
local function fenced()
  return redis.call('GET', KEYS[1]) ~= ARGV[1]
end

-- The held messages of a room's log: a stream whose entry ids are "<seq>-0", with fields
-- u (user id), c (clientId or ''), t (ts, ms), d (the event). The meta hash keeps seq (last
-- appended), trimmed (highest seq dropped by the bounds: a gap for catch-up before it),
-- purged (seq at the last purge: no gap before it) and epoch (changes when the log is lost).
local function field(entry, name)
  local fields = entry[2]
  for i = 1, #fields, 2 do
    if fields[i] == name then
      return fields[i + 1]
    end
  end
  return nil
end

local function seq_of(id)
  return tonumber(string.match(id, '^(%d+)'))
end

-- Drops the oldest entries past max_len, and those older than cutoff (ms), with their
-- de-duplication keys. Returns the highest seq dropped, or 0.
local function trim(meta, stream, dedup, max_len, cutoff)
  local excess = redis.call('XLEN', stream) - max_len
  local dropped = 0
  while true do
    local batch = redis.call('XRANGE', stream, '-', '+', 'COUNT', 64)
    if #batch == 0 then
      break
    end
    local kept = false
    for _, entry in ipairs(batch) do
      if excess > 0 or tonumber(field(entry, 't')) < cutoff then
        local client = field(entry, 'c')
        if client and client ~= '' then
          local key = field(entry, 'u') .. '\0' .. client
          if redis.call('HGET', dedup, key) == tostring(seq_of(entry[1])) then
            redis.call('HDEL', dedup, key)
          end
        end
        dropped = seq_of(entry[1])
        excess = excess - 1
      else
        kept = true
        break
      end
    end
    if dropped > 0 then
      redis.call('XTRIM', stream, 'MINID', (dropped + 1) .. '-0')
    end
    if kept then
      break
    end
  end
  if dropped > 0 and dropped > tonumber(redis.call('HGET', meta, 'trimmed') or '0') then
    redis.call('HSET', meta, 'trimmed', dropped)
  end
  return dropped
end
