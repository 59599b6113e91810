-- (after fence.lua) Appends one accepted message, exactly after the last, once per
-- (user, clientId), then trims by count and age and sets the expiry.
-- KEYS: lease, meta, stream, dedup.
-- ARGV: token, seq, ts, user, clientId ('' for none), event, max_len, cutoff_ms, ttl_ms.
-- Returns {'fenced'} | {'missing'} (no log: Redis lost it) | {'duplicate', seq of the first}
--       | {'conflict', last seq} | {'ok', seq}.
if fenced() then
  return {'fenced'}
end
local meta, stream, dedup = KEYS[2], KEYS[3], KEYS[4]
local last = redis.call('HGET', meta, 'seq')
if not last then
  return {'missing'}
end
last = tonumber(last)
local dedup_key = ARGV[4] .. '\0' .. ARGV[5]
if ARGV[5] ~= '' then
  local first = redis.call('HGET', dedup, dedup_key)
  if first then
    return {'duplicate', tonumber(first)}
  end
end
local seq = tonumber(ARGV[2])
if seq ~= last + 1 then
  return {'conflict', last}
end
if redis.call('EXISTS', stream) == 0 and last > tonumber(redis.call('HGET', meta, 'purged') or '0') then
  -- Everything held before expired with the stream: catch-up from before it has a gap.
  redis.call('HSET', meta, 'trimmed', last)
end
redis.call('XADD', stream, seq .. '-0', 'u', ARGV[4], 'c', ARGV[5], 't', ARGV[3], 'd', ARGV[6])
redis.call('HSET', meta, 'seq', seq)
if ARGV[5] ~= '' then
  redis.call('HSET', dedup, dedup_key, seq)
end
trim(meta, stream, dedup, tonumber(ARGV[7]), tonumber(ARGV[8]))
redis.call('PEXPIRE', stream, ARGV[9])
if redis.call('EXISTS', dedup) == 1 then
  redis.call('PEXPIRE', dedup, ARGV[9])
end
return {'ok', seq}
