-- Extends a lease only if this very token still holds it. KEYS[1] the lease.
-- ARGV[1] the token, ARGV[2] the time to live in ms. Returns 1 when renewed, 0 when lost.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
