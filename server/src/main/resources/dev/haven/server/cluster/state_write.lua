-- (after fence.lua) The owner writes part of a room's state through. KEYS: lease, state.
-- ARGV: token, then pairs of field and value; a value of '' removes the field; ARGV[2] == '*'
-- alone clears the whole state. Returns {'fenced'} or {'ok'}.
if fenced() then
  return {'fenced'}
end
if ARGV[2] == '*' and #ARGV == 2 then
  redis.call('DEL', KEYS[2])
  return {'ok'}
end
for i = 2, #ARGV, 2 do
  if ARGV[i + 1] == '' then
    redis.call('HDEL', KEYS[2], ARGV[i])
  else
    redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
  end
end
return {'ok'}
