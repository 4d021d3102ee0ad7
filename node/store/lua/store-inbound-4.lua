--[[
  Stores an inbound message with its receipt, unless its id is already stored: record, history,
  inbox and filter indexes, retention end; publishes the creation.

  Input:
    KEYS[1] <prefix>msg:in:<id>            the record (hash)
    KEYS[2] <prefix>msg:in:<id>:history    status history (list)
    KEYS[3] <prefix>box:in                 inbox index (zset, score createdAt ms)
    KEYS[4] <prefix>retain                 retention ends (zset of `in:<id>`, score epoch ms)

    ARGV[1] prefix
    ARGV[2] score: createdAt, epoch ms
    ARGV[3] id
    ARGV[4] the history entry (JSON)
    ARGV[5] retention end, epoch ms, or '' for none
    ARGV[6 ..] field, value pairs of the record; `refs` is a JSON array of references

  Output: nil when stored now; else the earlier { from, digest, receipt } (nothing changed)
]]
--- @include "includes/index-record"
--- @include "includes/publish-change"

if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.call('HMGET', KEYS[1], 'from', 'digest', 'receipt')
end
redis.call('HSET', KEYS[1], unpack(ARGV, 6))
redis.call('RPUSH', KEYS[2], ARGV[4])
local score, id = ARGV[2], ARGV[3]
redis.call('ZADD', KEYS[3], score, id)
if ARGV[5] ~= '' then redis.call('ZADD', KEYS[4], ARGV[5], 'in:' .. id) end
local f = redis.call('HMGET', KEYS[1], 'status', 'from', 'type', 'correlationId', 'inReplyTo',
  'refs', 'receivedAt')
local refs = f[6] and cjson.decode(f[6]) or nil
indexRecord(ARGV[1] .. 'ix:in:', id, score, f[1], f[2], f[3], f[4], f[5], refs)
publishChange(ARGV[1], 'in', id, f[1], nil, f[2], f[3], f[7])
return false
