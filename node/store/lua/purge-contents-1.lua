--[[
  Deletes the contents of messages whose retention ended, at most ARGV[2] per call: the message
  and envelope fields, the references taken from the body and their index entries. Ids,
  statuses, digests, receipts, history and the other indexes stay. An outbound message still
  being delivered keeps its envelope: it is looked at again an hour later.

  Input:
    KEYS[1] <prefix>retain                 retention ends (zset of `<box>:<id>`, score epoch ms)

    ARGV[1] now, epoch ms
    ARGV[2] the most to purge
    ARGV[3] prefix
    ARGV[4] now, ISO 8601 (recorded as purgedAt)

  Output: the `<box>:<id>` of each message purged
]]
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local purged = {}
for _, member in ipairs(due) do
  local box, id = string.match(member, '^(%a+):(.+)$')
  local key = ARGV[3] .. 'msg:' .. box .. ':' .. id
  local f = redis.call('HMGET', key, 'status', 'refs')
  local status = f[1]
  if box == 'out' and (status == 'accepted' or status == 'queued' or status == 'sending') then
    redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + 3600000, member)
  else
    if status then
      if f[2] then
        for _, ref in ipairs(cjson.decode(f[2])) do
          redis.call('ZREM', ARGV[3] .. 'ix:' .. box .. ':ref:' .. ref, id)
        end
      end
      redis.call('HDEL', key, 'message', 'jwe', 'refs')
      redis.call('HSET', key, 'purgedAt', ARGV[4])
      table.insert(purged, member)
    end
    redis.call('ZREM', KEYS[1], member)
  end
end
return purged
