-- (after fence.lua) The session closed: every held message and its de-duplication key is
-- deleted; the seq goes on, and catch-up from before the purge finds nothing and no gap.
-- KEYS: lease, meta, stream, dedup. ARGV: token. Returns {'fenced'} or {'ok', seq}.
if fenced() then
  return {'fenced'}
end
redis.call('DEL', KEYS[3], KEYS[4])
local seq = redis.call('HGET', KEYS[2], 'seq')
if seq then
  redis.call('HSET', KEYS[2], 'purged', seq, 'trimmed', 0)
end
return {'ok', tonumber(seq or '0')}
