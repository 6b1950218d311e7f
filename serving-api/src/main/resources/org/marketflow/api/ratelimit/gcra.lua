-- GCRA rate limit of one key, in one atomic step (org.marketflow.api.ratelimit.Gcra documents the
-- rule). KEYS[1]: the key's TAT (theoretical arrival time, microseconds since the epoch).
-- ARGV[1]: interval (µs between requests on average); ARGV[2]: tolerance ((burst - 1) * interval).
-- Returns {allowed (1/0), remaining, retry after (µs), reset (µs)}.
-- The clock is the Redis server's (TIME), so that every service instance uses the same one.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then
  tat = now
end
local allowed = 0
local new_tat = tat
if tat - now <= tolerance then
  allowed = 1
  new_tat = tat + interval
  -- The key expires when its bucket is full again: then it is the same as a key never seen.
  redis.call('SET', KEYS[1], string.format('%d', new_tat), 'PX', math.ceil((new_tat - now) / 1000))
end
local remaining = math.floor((now + tolerance + interval - new_tat) / interval)
if remaining < 0 then
  remaining = 0
end
local retry_after = 0
if allowed == 0 then
  retry_after = tat - tolerance - now
end
return {allowed, remaining, retry_after, new_tat - now}
