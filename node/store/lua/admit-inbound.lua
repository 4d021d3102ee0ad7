--[[
  Counts one envelope in its sender's rate window and, for an envelope whose id could be read,
  reads the receipt stored earlier for that id, in one round trip.

  Input (one or two keys):
    KEYS[1] the sender's rate window (string counter; expires ARGV[1] seconds after its first count)
    KEYS[2] <prefix>msg:in:<id>, only when the envelope's id could be read

    ARGV[1] the window, seconds

  Output: { count } without KEYS[2]; else { count, from, digest, receipt } (nil when not stored)
]]
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
if #KEYS < 2 then return {n} end
local v = redis.call('HMGET', KEYS[2], 'from', 'digest', 'receipt')
return {n, v[1], v[2], v[3]}
