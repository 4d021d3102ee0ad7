--[[
  One page of a box, newest first, from its indexes. With no filter the box index is walked;
  with filters, the filter index with the fewest entries in the createdAt range is walked and
  each entry is checked against the other filter indexes (ZSCORE), until the page is full. At
  most ARGV[3] entries are examined per call, whatever the store holds: a page may be short and
  still have a cursor.

  Input (one key and one per filter):
    KEYS[1] <prefix>box:<box>              the box index (zset, score createdAt ms)
    KEYS[2 ..] filter indexes, e.g. <prefix>ix:<box>:status:queued

    ARGV[1] <prefix>msg:<box>:             the record key prefix
    ARGV[2] page size
    ARGV[3] the most entries examined in this call
    ARGV[4] lowest createdAt, epoch ms, inclusive, or '-inf'
    ARGV[5] highest createdAt, epoch ms, exclusive, or '+inf'
    ARGV[6] cursor score ('' on the first page)
    ARGV[7] cursor id ('' on the first page)
    ARGV[8] <prefix>ix:in:reply:           to count the replies of each item, or ''
    ARGV[9 ..] the record fields to return per item

  Output: { count, exact (1|0), at most, next score or '', next id or '', item... } where each
    item is { id, replies, field values... }; `count` is the number of messages matching
    (exact) or a lower bound (the matches found on a first page), or -1 when the call can say
    nothing about it (a later page of a combined filter); `at most` is the entries of the walked
    index in the range (an upper bound of the matches).
]]
local limit, window = tonumber(ARGV[2]), tonumber(ARGV[3])
local lo, hi = ARGV[4], ARGV[5]
local hiExcl = hi == '+inf' and '+inf' or '(' .. hi

local walk, walkCount = KEYS[1], nil
if #KEYS == 1 then
  walkCount = redis.call('ZCOUNT', KEYS[1], lo, hiExcl)
else
  for i = 2, #KEYS do
    local c = redis.call('ZCOUNT', KEYS[i], lo, hiExcl)
    if walkCount == nil or c < walkCount then walk, walkCount = KEYS[i], c end
  end
end
local others = {}
for i = 2, #KEYS do
  if KEYS[i] ~= walk then table.insert(others, KEYS[i]) end
end

-- The rank to start at: below the range's upper end and after the cursor.
local start = 0
if hi ~= '+inf' then start = redis.call('ZCOUNT', walk, hi, '+inf') end
local rangeEnd = start + walkCount
local cScore, cId = ARGV[6], ARGV[7]
local cNum = cScore ~= '' and tonumber(cScore) or nil
if cNum then
  local own = redis.call('ZSCORE', walk, cId)
  local r
  if own and tonumber(own) == cNum then
    r = redis.call('ZREVRANK', walk, cId) + 1
  else
    -- The cursor's entry left this index: start at its score, skipping what sorts before it.
    r = redis.call('ZCOUNT', walk, '(' .. cScore, '+inf')
  end
  if r > start then start = r end
end

local loNum = lo == '-inf' and nil or tonumber(lo)
local ids, matched, examined = {}, 0, 0
local nextScore, nextId = '', ''
local reachedEnd = false
local chunk = math.min(window, math.max(limit * 2, 100))
while examined < window do
  local n = math.min(chunk, window - examined)
  local batch = redis.call('ZREVRANGE', walk, start, start + n - 1, 'WITHSCORES')
  if #batch == 0 then reachedEnd = true break end
  for i = 1, #batch, 2 do
    local id, sc = batch[i], batch[i + 1]
    local scNum = tonumber(sc)
    if loNum and scNum < loNum then reachedEnd = true break end
    examined = examined + 1
    start = start + 1
    if not (cNum and scNum == cNum and id >= cId) then
      local ok = true
      for _, k in ipairs(others) do
        if not redis.call('ZSCORE', k, id) then ok = false break end
      end
      if ok then
        matched = matched + 1
        if #ids < limit then
          table.insert(ids, id)
          if #ids == limit then nextScore, nextId = sc, id end
        end
      end
    end
    if #ids == limit then break end
    if examined >= window then
      if #ids < limit then nextScore, nextId = sc, id end
      break
    end
  end
  if reachedEnd or #ids == limit then break end
  if #batch < n * 2 then reachedEnd = true break end
end
-- A page that took the range's last entry has nothing after it.
if start >= rangeEnd then nextScore, nextId = '', '' end

local count, exact
if #others == 0 then
  count, exact = walkCount, 1
elseif cNum then
  count, exact = -1, 0
else
  count, exact = matched, reachedEnd and 1 or 0
end

local out = {count, exact, walkCount, nextScore, nextId}
for _, id in ipairs(ids) do
  local item = {id, ARGV[8] ~= '' and redis.call('ZCARD', ARGV[8] .. id) or 0}
  local v = redis.call('HMGET', ARGV[1] .. id, unpack(ARGV, 9))
  for j = 1, #v do item[j + 2] = v[j] end
  table.insert(out, item)
end
return out
