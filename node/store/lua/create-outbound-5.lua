--[[
  Records a new outbound message in one step: record, history, outbox and filter indexes,
  pending index (unless denied), retention end; publishes the creation.

  Input:
    KEYS[1] <prefix>msg:out:<id>           the record (hash)
    KEYS[2] <prefix>msg:out:<id>:history   status history (list)
    KEYS[3] <prefix>box:out                outbox index (zset, score createdAt ms)
    KEYS[4] <prefix>pending:<to>           messages with delivery work for the recipient
    KEYS[5] <prefix>retain                 retention ends (zset of `out:<id>`, score epoch ms)

    ARGV[1] prefix
    ARGV[2] score: createdAt, epoch ms
    ARGV[3] id
    ARGV[4] '1' when delivery work remains (not denied), else '0'
    ARGV[5] retention end, epoch ms, or '' for none
    ARGV[6] now, ISO 8601 (the change notification's `at`)
    ARGV[7] n, the number of history entries that follow
    ARGV[8 .. 7+n]  history entries (JSON)
    ARGV[8+n ..]    field, value pairs of the record; `refs` is a JSON array of references

  Output: 1
]]
--- @include "includes/index-record"
--- @include "includes/publish-change"

local n = tonumber(ARGV[7])
for i = 8, n + 7 do redis.call('RPUSH', KEYS[2], ARGV[i]) end
redis.call('HSET', KEYS[1], unpack(ARGV, n + 8))
local score, id = ARGV[2], ARGV[3]
redis.call('ZADD', KEYS[3], score, id)
if ARGV[4] == '1' then redis.call('ZADD', KEYS[4], score, id) end
if ARGV[5] ~= '' then redis.call('ZADD', KEYS[5], ARGV[5], 'out:' .. id) end
local f = redis.call('HMGET', KEYS[1], 'status', 'to', 'type', 'correlationId', 'inReplyTo', 'refs')
local refs = f[6] and cjson.decode(f[6]) or nil
indexRecord(ARGV[1] .. 'ix:out:', id, score, f[1], f[2], f[3], f[4], f[5], refs)
publishChange(ARGV[1], 'out', id, f[1], nil, f[2], f[3], ARGV[6])
return 1
