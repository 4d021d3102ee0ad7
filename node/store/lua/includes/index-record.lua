--[[
  Adds message `id` under `score` (its createdAt, epoch ms) to the index of each field value:
  `<ix>status:<status>`, `<ix>peer:<peer>`, `<ix>type:<type>`, and when present
  `<ix>corr:<correlationId>`, `<ix>reply:<inReplyTo>`, `<ix>ref:<ref>` for each reference.
  `ix` is `<prefix>ix:<box>:`. Every index is a sorted set scored like the box index, so any of
  them can be walked newest first over a createdAt range.
]]
local function indexRecord(ix, id, score, status, peer, mtype, corr, reply, refs)
  redis.call('ZADD', ix .. 'status:' .. status, score, id)
  redis.call('ZADD', ix .. 'peer:' .. peer, score, id)
  redis.call('ZADD', ix .. 'type:' .. mtype, score, id)
  if corr and corr ~= '' then redis.call('ZADD', ix .. 'corr:' .. corr, score, id) end
  if reply and reply ~= '' then redis.call('ZADD', ix .. 'reply:' .. reply, score, id) end
  if refs then
    for _, ref in ipairs(refs) do redis.call('ZADD', ix .. 'ref:' .. ref, score, id) end
  end
end
