-- Owners publish what their rooms look like now. KEYS[1] the listings hash.
-- ARGV: room, epoch, value (epoch:checkins:json), repeated. A listing held with a higher epoch
-- (a newer owner's) is kept. Returns how many were written.
local written = 0
for i = 1, #ARGV, 3 do
  local held = redis.call('HGET', KEYS[1], ARGV[i])
  local held_epoch = held and tonumber(string.match(held, '^(%d+):')) or -1
  if held_epoch <= tonumber(ARGV[i + 1]) then
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 2])
    written = written + 1
  end
end
return written
