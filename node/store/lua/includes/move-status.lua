--[[
  Moves message `id` from the status index of `from` to that of `to` (`ix` as in indexRecord).
]]
local function moveStatus(ix, id, score, from, to)
  if from ~= to then
    redis.call('ZREM', ix .. 'status:' .. from, id)
    redis.call('ZADD', ix .. 'status:' .. to, score, id)
  end
end
