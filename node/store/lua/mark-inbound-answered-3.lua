--[[
  Marks an inbound message answered (a reply was sent for it) when it is `received` or already
  `answered`: status, answeredBy, history, status index; publishes the change.

  Input:
    KEYS[1] <prefix>msg:in:<id>            the record (hash)
    KEYS[2] <prefix>msg:in:<id>:history    status history (list)
    KEYS[3] <prefix>box:in                 inbox index (its score is the message's)

    ARGV[1] prefix
    ARGV[2] id
    ARGV[3] now, ISO 8601
    ARGV[4] the history entry (JSON)
    ARGV[5] the id of the reply

  Output: { 1, previous status } when marked; { 0, current status or '' } when not
]]
--- @include "includes/move-status"
--- @include "includes/publish-change"

local f = redis.call('HMGET', KEYS[1], 'status', 'from', 'type')
local cur = f[1]
if not cur then return {0, ''} end
if cur ~= 'received' and cur ~= 'answered' then return {0, cur} end
local id = ARGV[2]
redis.call('HSET', KEYS[1], 'status', 'answered', 'updatedAt', ARGV[3], 'answeredBy', ARGV[5])
redis.call('RPUSH', KEYS[2], ARGV[4])
local score = redis.call('ZSCORE', KEYS[3], id)
if score then moveStatus(ARGV[1] .. 'ix:in:', id, score, cur, 'answered') end
publishChange(ARGV[1], 'in', id, 'answered', cur, f[2], f[3], ARGV[3])
return {1, cur}
