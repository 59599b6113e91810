-- Appends a message to a node's inbox (a stream its node reads in order), bounded in length,
-- and gone when its node stops reading. KEYS[1] the inbox.
-- ARGV[1] sender, ARGV[2] sender's counter for this inbox, ARGV[3] payload,
-- ARGV[4] max length, ARGV[5] time to live in ms.
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[4], '*', 'f', ARGV[1], 'n', ARGV[2], 'd', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return id
