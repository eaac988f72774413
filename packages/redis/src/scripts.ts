/**
 * The Lua scripts of ownership (cluster.md, ownership and fencing). Each runs atomically in
 * Redis over one player's keys (one hash tag, one slot): a claim reads the current holder and
 * writes the new one in one step, so two nodes can never both win a key, and every change of
 * owner increments the record's `fence`. Owner-only writes name the owner and the fence they
 * hold and change nothing when either is stale.
 *
 * A record: sid, key, player, device, epoch, owner, fence, attached (1/0), created.
 */

/**
 * A Login (or a Resume that found no session) claims a key for a new session.
 * KEYS: key index, new record, player set.
 * ARGV: record prefix, new sid, owner, kick (1/0), ttl ms, key, player, device, created, epoch,
 * push log prefix (the replaced session's log goes with its record).
 * Returns {"claimed" | "conflict", old sid or "", old owner or ""}. Under no-kick, a held old
 * session (attached) wins: "conflict" and nothing changes.
 */
export const CLAIM_KEY = `
local old = redis.call('GET', KEYS[1])
local oldOwner = ''
if old then
  local rec = ARGV[1] .. old
  local o = redis.call('HMGET', rec, 'owner', 'attached')
  oldOwner = o[1] or ''
  if ARGV[4] == '0' and o[2] == '1' then return {'conflict', old, oldOwner} end
  redis.call('DEL', rec, ARGV[11] .. old)
  redis.call('SREM', KEYS[3], old)
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[5])
redis.call('HSET', KEYS[2], 'sid', ARGV[2], 'key', ARGV[6], 'player', ARGV[7], 'device', ARGV[8],
  'owner', ARGV[3], 'fence', 1, 'attached', 1, 'created', ARGV[9], 'epoch', ARGV[10])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
redis.call('SADD', KEYS[3], ARGV[2])
redis.call('PEXPIRE', KEYS[3], ARGV[5])
return {'claimed', old or '', oldOwner}
`;

/**
 * A Resume on this node for a session another node holds: becomes its owner (fence + 1).
 * KEYS: key index. ARGV: record prefix, new owner, ttl ms.
 * Returns nil when the key has no session, else {sid, old owner, fence, key, player, device,
 * epoch, created, topics (JSON, as its owner last wrote them)}.
 */
export const TAKE_OVER = `
local sid = redis.call('GET', KEYS[1])
if not sid then return nil end
local rec = ARGV[1] .. sid
if redis.call('EXISTS', rec) == 0 then return nil end
local owner = redis.call('HGET', rec, 'owner')
local fence = redis.call('HINCRBY', rec, 'fence', 1)
redis.call('HSET', rec, 'owner', ARGV[2], 'attached', 1)
redis.call('PEXPIRE', rec, ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
local f = redis.call('HMGET', rec, 'key', 'player', 'device', 'epoch', 'created', 'topics')
return {sid, owner, tostring(fence), f[1], f[2], f[3], f[4], f[5], f[6] or '[]'}
`;

/**
 * The owner marks its session attached or detached and renews the keys' time to live.
 * KEYS: record, key index, player set, push log. ARGV: owner, fence, attached (1/0), ttl ms, sid.
 * Returns 1, or 0 when the owner or the fence is stale.
 */
export const SET_ATTACHED = `
local o = redis.call('HMGET', KEYS[1], 'owner', 'fence')
if o[1] ~= ARGV[1] or o[2] ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], 'attached', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
if redis.call('GET', KEYS[2]) == ARGV[5] then redis.call('PEXPIRE', KEYS[2], ARGV[4]) end
redis.call('PEXPIRE', KEYS[3], ARGV[4])
redis.call('PEXPIRE', KEYS[4], ARGV[4])
return 1
`;

/**
 * The owner ends its session: record, push log, key index (if still its own) and set entry go.
 * KEYS: record, key index, player set, push log. ARGV: owner, fence, sid.
 * Returns 1, or 0 when the owner or the fence is stale.
 */
export const END_SESSION = `
local o = redis.call('HMGET', KEYS[1], 'owner', 'fence')
if o[1] ~= ARGV[1] or o[2] ~= ARGV[2] then return 0 end
redis.call('DEL', KEYS[1], KEYS[4])
if redis.call('GET', KEYS[2]) == ARGV[3] then redis.call('DEL', KEYS[2]) end
redis.call('SREM', KEYS[3], ARGV[3])
return 1
`;

/**
 * Redis came back: the owner re-asserts a session it holds. Its record is renewed when the
 * owner and fence are still its own, and written again when Redis lost it (no record, and the
 * key names this session or none).
 * KEYS: record, key index, player set. ARGV: owner, fence, ttl ms, sid, key,
 * player, device, created, epoch, attached (1/0).
 * Returns 1 (still its own), 0 (another node took it over: the fence moved) or 2 (a Login
 * replaced it: the key names another session).
 */
export const REASSERT = `
local o = redis.call('HMGET', KEYS[1], 'owner', 'fence')
if o[1] then
  if o[1] ~= ARGV[1] or o[2] ~= ARGV[2] then return 0 end
  redis.call('HSET', KEYS[1], 'attached', ARGV[10])
else
  local cur = redis.call('GET', KEYS[2])
  if cur and cur ~= ARGV[4] then return 2 end
  redis.call('HSET', KEYS[1], 'sid', ARGV[4], 'key', ARGV[5], 'player', ARGV[6], 'device', ARGV[7],
    'owner', ARGV[1], 'fence', ARGV[2], 'attached', ARGV[10], 'created', ARGV[8], 'epoch', ARGV[9])
end
redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('SADD', KEYS[3], ARGV[4])
redis.call('PEXPIRE', KEYS[3], ARGV[3])
return 1
`;

/**
 * The owner records its session's topics in the record (a node taking the session over listens
 * to them before the handoff). KEYS: record. ARGV: owner, topics (JSON). Returns 1, or 0 when the
 * owner is stale or the record is gone.
 */
export const SET_TOPICS = `
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'topics', ARGV[2])
return 1
`;
