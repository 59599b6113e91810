-- A node says it is alive, and learns which nodes are. Expiry uses Redis's clock, so nodes'
-- clocks need not agree. KEYS[1] the nodes (sorted set, score = expiry in ms).
-- ARGV[1] this node's id ('' to only read), ARGV[2] its time to live in ms.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if ARGV[1] ~= '' then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZRANGE', KEYS[1], 0, -1)
