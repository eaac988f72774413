/**
 * @tether/redis: cluster mode on Redis (cluster.md). Several Tether nodes share one Redis; a
 * session belongs to one node at a time and moves, replay intact, to whichever node its client
 * reconnects to.
 *
 *   createServer({ authenticator, cluster: redisCluster({ url: "redis://127.0.0.1:6379", namespace: "my-game" }) })
 */
export { Keys } from "./keys.js";
export type { RedisClusterOptions } from "./options.js";
export { RedisCluster, redisCluster } from "./redis-cluster.js";
