--[[
  Indexes one message stored by an earlier version (idempotent): its box index score becomes
  its createdAt, and it enters the filter indexes of its current status, peer, type,
  correlationId, inReplyTo and (unless its contents were purged) the references of its body.

  Input:
    KEYS[1] <prefix>msg:<box>:<id>         the record (hash)

    ARGV[1] prefix
    ARGV[2] box: 'out' or 'in'
    ARGV[3] id
    ARGV[4] score: createdAt, epoch ms
    ARGV[5] the body's references as a JSON array ('[]' for none)

  Output: 1 when indexed, 0 when there is no such record
]]
--- @include "includes/index-record"

local box, id, score = ARGV[2], ARGV[3], ARGV[4]
local f = redis.call('HMGET', KEYS[1], 'status', box == 'out' and 'to' or 'from', 'type',
  'correlationId', 'inReplyTo', 'purgedAt')
if not f[1] then return 0 end
local refs = nil
if not f[6] then
  refs = cjson.decode(ARGV[5])
  if #refs > 0 then redis.call('HSET', KEYS[1], 'refs', ARGV[5]) end
end
redis.call('ZADD', ARGV[1] .. 'box:' .. box, score, id)
indexRecord(ARGV[1] .. 'ix:' .. box .. ':', id, score, f[1], f[2], f[3], f[4], f[5], refs)
return 1
