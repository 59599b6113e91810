-- Claims a room's lease when nobody holds it, with a new fencing epoch.
-- KEYS[1] the lease (value "node|epoch"), KEYS[2] the room's epoch counter
-- ARGV[1] this node's id, ARGV[2] the lease's time to live in ms
-- Returns {1, token, ttl} when claimed, {0, holder's token, its remaining ttl} when held.
local holder = redis.call('GET', KEYS[1])
if holder then
  return {0, holder, redis.call('PTTL', KEYS[1])}
end
if redis.call('EXISTS', KEYS[2]) == 0 then
  -- A new counter (first claim, or a Redis that lost its data) starts from the time in ms, so
  -- a room's epochs keep growing across a Redis restarted empty and a token is never reused.
  local t = redis.call('TIME')
  redis.call('SET', KEYS[2], tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000))
end
local epoch = redis.call('INCR', KEYS[2])
local token = ARGV[1] .. '|' .. epoch
redis.call('SET', KEYS[1], token, 'PX', ARGV[2])
return {1, token, tonumber(ARGV[2])}
