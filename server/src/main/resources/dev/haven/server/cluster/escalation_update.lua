-- What was done about an escalated alert joins its frames, if it is still open.
-- KEYS[1] the escalations hash. ARGV: field (room\0alertId), the frame (one line of JSON).
local held = redis.call('HGET', KEYS[1], ARGV[1])
if not held then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], held .. '\n' .. ARGV[2])
return 1
