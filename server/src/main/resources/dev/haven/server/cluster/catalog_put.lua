-- A room created, changed or archived at run time (RedisRoomCatalog). KEYS: rooms (id -> the
-- room's settings as JSON, or '' once archived), order (id -> when it was first saved), next
-- (the counter of that order). ARGV: id, value. The catalog holds room settings, never what
-- people said.
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then
  redis.call('HSET', KEYS[2], ARGV[1], redis.call('INCR', KEYS[3]))
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
