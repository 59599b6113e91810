-- (after fence.lua) A facilitator or the author deleted a held message: it is gone, and that is
-- not a gap. KEYS: lease, meta, stream. ARGV: token, seq. Returns {'fenced'} or {'ok', 1|0}.
if fenced() then
  return {'fenced'}
end
return {'ok', redis.call('XDEL', KEYS[3], ARGV[2] .. '-0')}
