--[[
  A case thread: the messages of both boxes that share one correlationId, oldest first, at most
  ARGV[1] of them.

  Input:
    KEYS[1] <prefix>ix:out:corr:<correlationId>
    KEYS[2] <prefix>ix:in:corr:<correlationId>

    ARGV[1] the most messages returned
    ARGV[2] prefix
    ARGV[3 ..] the record fields to return per message

  Output: { total, item... }: `total` is the thread's size in both boxes; each item is
    { box, id, field values... }
]]
local limit = tonumber(ARGV[1])
local out = redis.call('ZRANGE', KEYS[1], 0, limit - 1, 'WITHSCORES')
local inn = redis.call('ZRANGE', KEYS[2], 0, limit - 1, 'WITHSCORES')
local total = redis.call('ZCARD', KEYS[1]) + redis.call('ZCARD', KEYS[2])
local result = {total}
local i, j = 1, 1
while #result - 1 < limit and (i <= #out or j <= #inn) do
  local box, id
  if j > #inn or (i <= #out and tonumber(out[i + 1]) <= tonumber(inn[j + 1])) then
    box, id = 'out', out[i]
    i = i + 2
  else
    box, id = 'in', inn[j]
    j = j + 2
  end
  local item = {box, id}
  local v = redis.call('HMGET', ARGV[2] .. 'msg:' .. box .. ':' .. id, unpack(ARGV, 3))
  for k = 1, #v do item[k + 2] = v[k] end
  table.insert(result, item)
end
return result
