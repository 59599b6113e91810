-- (after fence.lua) The held messages after a seq, for catch-up and for a new owner.
-- KEYS: lease (unused), meta, stream. ARGV: after_seq.
-- Returns {'missing'} or {'ok', seq, trimmed, epoch, entries}.
local meta = redis.call('HMGET', KEYS[2], 'seq', 'trimmed', 'purged', 'epoch')
if not meta[1] then
  return {'missing'}
end
local seq, trimmed, purged = tonumber(meta[1]), tonumber(meta[2]), tonumber(meta[3])
if redis.call('EXISTS', KEYS[3]) == 0 and seq > purged then
  trimmed = math.max(trimmed, seq)
end
local entries = redis.call('XRANGE', KEYS[3], '(' .. ARGV[1] .. '-0', '+')
return {'ok', seq, trimmed, meta[4], entries}
