-- (after fence.lua) The owner's periodic sweep: drops what outlived the bounds without waiting
-- for the next message. KEYS: lease, meta, stream, dedup. ARGV: token, max_len, cutoff_ms.
-- Returns {'fenced'} or {'ok', highest seq dropped or 0}.
if fenced() then
  return {'fenced'}
end
return {'ok', trim(KEYS[2], KEYS[3], KEYS[4], tonumber(ARGV[2]), tonumber(ARGV[3]))}
