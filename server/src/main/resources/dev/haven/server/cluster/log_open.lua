-- (after fence.lua) The new owner of a room opens its log: creates it when Redis has none,
-- starting after floor_seq. KEYS: lease, meta. ARGV: token, floor_seq, new epoch.
-- Returns {'fenced'} or {'ok', seq, epoch, created (1/0)}.
if fenced() then
  return {'fenced'}
end
local created = 0
if redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('HSET', KEYS[2], 'seq', ARGV[2], 'trimmed', ARGV[2], 'purged', 0, 'epoch', ARGV[3])
  created = 1
end
local meta = redis.call('HMGET', KEYS[2], 'seq', 'epoch')
return {'ok', tonumber(meta[1]), meta[2], created}
