-- (after fence.lua) The session closed: every held message up to through_seq and its
-- de-duplication key is deleted (a message accepted after the close stays); the seq goes on,
-- and catch-up from before the purge finds nothing and no gap.
-- KEYS: lease, meta, stream, dedup. ARGV: token, through_seq. Returns {'fenced'} or {'ok', seq}.
if fenced() then
  return {'fenced'}
end
local through = tonumber(ARGV[2])
local seq = tonumber(redis.call('HGET', KEYS[2], 'seq') or '0')
if through >= seq then
  redis.call('DEL', KEYS[3], KEYS[4])
else
  local gone = redis.call('XRANGE', KEYS[3], '-', through .. '-0')
  for _, entry in ipairs(gone) do
    local client = field(entry, 'c')
    if client and client ~= '' then
      local key = field(entry, 'u') .. '\0' .. client
      if redis.call('HGET', KEYS[4], key) == tostring(seq_of(entry[1])) then
        redis.call('HDEL', KEYS[4], key)
      end
    end
  end
  if #gone > 0 then
    redis.call('XTRIM', KEYS[3], 'MINID', (through + 1) .. '-0')
  end
end
if redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('HSET', KEYS[2], 'purged', math.min(through, seq))
  if tonumber(redis.call('HGET', KEYS[2], 'trimmed') or '0') <= through then
    redis.call('HSET', KEYS[2], 'trimmed', 0)
  end
end
return {'ok', seq}
