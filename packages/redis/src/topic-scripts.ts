/**
 * The Lua scripts of topic membership (cluster.md, topics). Every topic key shares one hash tag,
 * so each script runs atomically in one slot. A topic's members are a hash sessionId ->
 * "<owner node>|<playerId>"; a count per topic (for `topics()`) and per node and topic (so a
 * dead node's members can be purged) are kept in the same step.
 *
 * ARGV[1] and ARGV[2] are always the prefixes of the topic member hashes and of the node hashes.
 */

/** The node part of a member's value ("<node>|<player>"). */
const NODE_OF = `local function nodeOf(v) return string.match(v, '^(.*)|') end`;

/** Takes one member out of `t`'s counts (its node's and the topic's). */
const UNCOUNT = `
local function uncount(counts, nodePrefix, t, node)
  if redis.call('HINCRBY', nodePrefix .. node, t, -1) <= 0 then redis.call('HDEL', nodePrefix .. node, t) end
  if redis.call('HINCRBY', counts, t, -1) <= 0 then redis.call('HDEL', counts, t) end
end`;

/**
 * A session of `node` joined topics (or arrived at `node` with them).
 * KEYS: topic counts, the node's hash. ARGV: prefixes, node, sid, player, topic...
 */
export const JOIN_TOPICS = `${NODE_OF}
local v = ARGV[3] .. '|' .. ARGV[5]
for i = 6, #ARGV do
  local t = ARGV[i]
  local key = ARGV[1] .. t
  local old = redis.call('HGET', key, ARGV[4])
  if old ~= v then
    redis.call('HSET', key, ARGV[4], v)
    if old then
      local n = nodeOf(old)
      if redis.call('HINCRBY', ARGV[2] .. n, t, -1) <= 0 then redis.call('HDEL', ARGV[2] .. n, t) end
    else
      redis.call('HINCRBY', KEYS[1], t, 1)
    end
    redis.call('HINCRBY', KEYS[2], t, 1)
  end
end
return 1
`;

/**
 * A session of `node` left topics (or ended). A member another node has written since (the
 * session moved there) is left alone.
 * KEYS: topic counts. ARGV: prefixes, node, sid, topic...
 */
export const LEAVE_TOPICS = `${NODE_OF}${UNCOUNT}
for i = 5, #ARGV do
  local t = ARGV[i]
  local key = ARGV[1] .. t
  local old = redis.call('HGET', key, ARGV[4])
  if old and nodeOf(old) == ARGV[3] then
    redis.call('HDEL', key, ARGV[4])
    uncount(KEYS[1], ARGV[2], t, ARGV[3])
  end
end
return 1
`;

/**
 * Topics deleted: every member goes.
 * KEYS: topic counts. ARGV: prefixes, topic...
 */
export const DELETE_TOPICS = `${NODE_OF}
for i = 3, #ARGV do
  local t = ARGV[i]
  local key = ARGV[1] .. t
  local f = redis.call('HGETALL', key)
  for j = 2, #f, 2 do
    local n = nodeOf(f[j])
    if redis.call('HINCRBY', ARGV[2] .. n, t, -1) <= 0 then redis.call('HDEL', ARGV[2] .. n, t) end
  end
  redis.call('DEL', key)
  redis.call('HDEL', KEYS[1], t)
end
return 1
`;

/**
 * A dead node's members go (its sessions are nobody's until a Resume takes them over).
 * KEYS: topic counts, the node's hash. ARGV: prefixes, node.
 * Returns how many members went.
 */
export const PURGE_NODE = `${NODE_OF}
local gone = 0
for _, t in ipairs(redis.call('HKEYS', KEYS[2])) do
  local key = ARGV[1] .. t
  local f = redis.call('HGETALL', key)
  for j = 1, #f, 2 do
    if nodeOf(f[j + 1]) == ARGV[3] then
      redis.call('HDEL', key, f[j])
      if redis.call('HINCRBY', KEYS[1], t, -1) <= 0 then redis.call('HDEL', KEYS[1], t) end
      gone = gone + 1
    end
  end
end
redis.call('DEL', KEYS[2])
return gone
`;
