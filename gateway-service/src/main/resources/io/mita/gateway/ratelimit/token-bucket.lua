-- One token bucket, taken atomically. The bucket is one hash {tokens, ts} under KEYS[1]; time is the
-- Redis server's own clock, so every gateway instance refills the same way.
-- ARGV[1] capacity (tokens when full), ARGV[2] period in ms (time to refill from empty to full),
-- ARGV[3] the most tokens this call takes: 1 for one request; a gateway's local share takes up to a batch,
-- as many whole tokens as there are (at least one, or none),
-- ARGV[4] (optional) tokens given back: an unused local share that expired, added before taking (never above
-- capacity).
-- Returns {tokens granted (1|0 for one request), whole tokens left, ms until the bucket is full again,
--          ms until one token is available (0 when granted)}.
local key = KEYS[1]
local capacity = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local requested = tonumber(ARGV[3])
local returned = tonumber(ARGV[4] or '0')

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local state = redis.call('HMGET', key, 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = capacity
  ts = now
end

local perMs = capacity / period
local elapsed = now - ts
if elapsed < 0 then
  elapsed = 0
end
tokens = math.min(capacity, tokens + elapsed * perMs + returned)

local granted = 0
local wait = 0
if tokens >= 1 then
  granted = math.min(requested, math.floor(tokens))
  tokens = tokens - granted
else
  wait = math.ceil((1 - tokens) / perMs)
end

redis.call('HSET', key, 'tokens', tostring(tokens), 'ts', tostring(now))
-- untouched for a whole period, the bucket is full again: the key may go
redis.call('PEXPIRE', key, math.ceil(period))
return {granted, math.floor(tokens), math.ceil((capacity - tokens) / perMs), wait}
