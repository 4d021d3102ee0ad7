--[[
  Moves an outbound message to a new status if its current status is one of the allowed ones:
  status and fields, history, status index, pending and dead-letter indexes, optionally the
  attempt count; publishes the change.

  Input:
    KEYS[1] <prefix>msg:out:<id>           the record (hash)
    KEYS[2] <prefix>msg:out:<id>:history   status history (list)
    KEYS[3] <prefix>pending:<to>           messages with delivery work for the recipient
    KEYS[4] <prefix>dead                   dead letters (zset)

    ARGV[1] prefix
    ARGV[2] id
    ARGV[3] score: createdAt, epoch ms
    ARGV[4] the new status
    ARGV[5] allowed current statuses, comma-separated, or '*'
    ARGV[6] now, ISO 8601
    ARGV[7] the history entry (JSON)
    ARGV[8] pending index: 'add', 'rem' or ''
    ARGV[9] dead-letter index: 'add', 'rem' or ''
    ARGV[10] '1' to count a delivery attempt (recorded in the entry's detail.attempt)
    ARGV[11 ..] field, value pairs to set ('' removes the field)

  Output: { 1, previous status, attempt } when moved; { 0, current status or '', 0 } when not
]]
--- @include "includes/move-status"
--- @include "includes/publish-change"

local f = redis.call('HMGET', KEYS[1], 'status', 'to', 'type')
local cur = f[1]
if not cur then return {0, '', 0} end
local allowed = ARGV[5]
if allowed ~= '*' and not string.find(',' .. allowed .. ',', ',' .. cur .. ',', 1, true) then
  return {0, cur, 0}
end
local id, score, status = ARGV[2], ARGV[3], ARGV[4]
local entry = ARGV[7]
local attempt = 0
if ARGV[10] == '1' then
  -- A delivery attempt is counted in the same step that claims the message for it.
  attempt = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
  local e = cjson.decode(entry)
  e['detail'] = e['detail'] or {}
  e['detail']['attempt'] = attempt
  entry = cjson.encode(e)
end
redis.call('HSET', KEYS[1], 'status', status, 'updatedAt', ARGV[6])
for i = 11, #ARGV, 2 do
  if ARGV[i + 1] == '' then
    redis.call('HDEL', KEYS[1], ARGV[i])
  else
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  end
end
redis.call('RPUSH', KEYS[2], entry)
if ARGV[8] == 'add' then redis.call('ZADD', KEYS[3], score, id)
elseif ARGV[8] == 'rem' then redis.call('ZREM', KEYS[3], id) end
if ARGV[9] == 'add' then redis.call('ZADD', KEYS[4], score, id)
elseif ARGV[9] == 'rem' then redis.call('ZREM', KEYS[4], id) end
moveStatus(ARGV[1] .. 'ix:out:', id, score, cur, status)
publishChange(ARGV[1], 'out', id, status, cur, f[2], f[3], ARGV[6])
return {1, cur, attempt}
