--[[
  Publishes a change of a message on `<prefix>events`: one JSON object
  { "box": "out"|"in", "id", "status", "previous" (absent on creation), "peer" (recipient of an
  outbound, sender of an inbound message), "type", "at" (ISO 8601) }.
  Subscribers (the console's server-sent events, in any node process) read the record itself
  for anything more.
]]
local function publishChange(prefix, box, id, status, previous, peer, mtype, at)
  redis.call('PUBLISH', prefix .. 'events', cjson.encode({
    box = box, id = id, status = status, previous = previous, peer = peer, type = mtype, at = at,
  }))
end
