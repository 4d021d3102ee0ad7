--[[
  Claims an outbound message for one delivery attempt: it must be waiting for delivery, not
  expired, and sealed for one of the usable recipient keys; then it becomes `sending`, the
  attempt is counted and recorded in its history, its status index follows, the change is
  published and the envelope returned. Otherwise nothing changes.

  Input:
    KEYS[1] <prefix>msg:out:<id>           the record (hash)
    KEYS[2] <prefix>msg:out:<id>:history   status history (list)
    KEYS[3] <prefix>box:out                outbox index (its score is the message's)

    ARGV[1] now for the lifetime check, ISO 8601
    ARGV[2] usable recipient key ids, comma-separated
    ARGV[3] now for the record, ISO 8601
    ARGV[4] prefix
    ARGV[5] id

  Output: { 'claimed', previous, attempt, jwe, to, createdAt } | { 'gone', current or '' }
    | { 'expired', current } | { 'key', current, jwe } | { 'unchecked', current, jwe, to, createdAt }
]]
--- @include "includes/move-status"
--- @include "includes/publish-change"

local v = redis.call('HMGET', KEYS[1], 'status', 'expiresAt', 'recipientKid', 'jwe', 'to',
  'createdAt', 'type')
local cur = v[1]
if not cur then return {'gone', ''} end
if cur ~= 'accepted' and cur ~= 'queued' and cur ~= 'sending' then return {'gone', cur} end
if not (v[2] and v[4] and v[5] and v[6]) then return {'gone', cur} end
-- ISO 8601 UTC timestamps of one format compare as strings.
if v[2] <= ARGV[1] then return {'expired', cur} end
if not v[3] then return {'unchecked', cur, v[4], v[5], v[6]} end
if not string.find(',' .. ARGV[2] .. ',', ',' .. v[3] .. ',', 1, true) then return {'key', cur, v[4]} end
local id = ARGV[5]
local attempt = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
redis.call('HSET', KEYS[1], 'status', 'sending', 'updatedAt', ARGV[3])
redis.call('RPUSH', KEYS[2], cjson.encode({status = 'sending', at = ARGV[3], detail = {attempt = attempt}}))
local score = redis.call('ZSCORE', KEYS[3], id)
if score then moveStatus(ARGV[4] .. 'ix:out:', id, score, cur, 'sending') end
publishChange(ARGV[4], 'out', id, 'sending', cur, v[5], v[7], ARGV[3])
return {'claimed', cur, attempt, v[4], v[5], v[6]}
