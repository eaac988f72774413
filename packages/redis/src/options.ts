/**
 * Options of `redisCluster()`, with their units and defaults. Bad values throw a coded
 * InvalidOptionError when `redisCluster` is called.
 */
import { randomBytes } from "node:crypto";
import { InvalidOptionError } from "@tether/system";
import type { Cluster, Redis } from "ioredis";

export interface RedisClusterOptions {
  /** Where Redis is: `redis://host:port/db` (or `rediss://`). Default `redis://127.0.0.1:6379`. */
  url: string;
  /**
   * A connected ioredis client of yours instead of `url`: a `Redis` (standalone, Sentinel) or a
   * `Cluster` (Redis Cluster: a session's keys share a hash tag, so its scripts run in one
   * slot). Tether makes a second connection from it for its subscriptions and never closes yours.
   */
  client: Redis | Cluster | undefined;
  /** Prefix of every key and channel, so several games can share one Redis. Default "tether". */
  namespace: string;
  /** This node's id, unique in the cluster. Default: random. */
  nodeId: string;
  /** A node that has not refreshed its registration for this long is dead (ms). Default 10,000. */
  nodeTtlMs: number;
  /**
   * Where a session's reliable pushes live. "memory" (default): in its owner's ring only; a
   * node killed with SIGKILL loses them (a resume elsewhere answers NEED_FULL_SYNC). "log": also
   * appended to a Redis Stream per session before they reach the socket, so a resume elsewhere
   * replays them exactly after any crash, for one Redis round trip per event-loop turn.
   */
  durability: "memory" | "log";
  /** How long a resume waits for the old owner to hand a session over (ms). Default 2,000. */
  handoffTimeoutMs: number;
  /** A Redis command that has not answered after this fails (ms); Login/Resume answer SERVER_BUSY. Default 2,000. */
  commandTimeoutMs: number;
}

const NAME = /^[A-Za-z0-9_.:-]{1,64}$/;

function positive(name: string, value: unknown, min: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new InvalidOptionError(name, `must be an integer of at least ${min}`);
  }
  return value;
}

export function resolveRedisOptions(partial: Partial<RedisClusterOptions> = {}): RedisClusterOptions {
  if (typeof partial !== "object" || partial === null) throw new InvalidOptionError("options", "must be an object");
  const {
    url = "redis://127.0.0.1:6379",
    client,
    namespace = "tether",
    nodeId = randomBytes(6).toString("hex"),
    nodeTtlMs = 10_000,
    handoffTimeoutMs = 2000,
    commandTimeoutMs = 2000,
    durability = "memory",
  } = partial;
  if (typeof url !== "string" || !/^rediss?:\/\//.test(url)) {
    throw new InvalidOptionError("url", "must be a redis:// or rediss:// URL");
  }
  if (
    client !== undefined &&
    (typeof client !== "object" || client === null || typeof client.duplicate !== "function")
  ) {
    throw new InvalidOptionError("client", "must be an ioredis client");
  }
  if (typeof namespace !== "string" || !NAME.test(namespace)) {
    throw new InvalidOptionError("namespace", "must be 1-64 characters of A-Z a-z 0-9 _ . : -");
  }
  if (typeof nodeId !== "string" || !NAME.test(nodeId)) {
    throw new InvalidOptionError("nodeId", "must be 1-64 characters of A-Z a-z 0-9 _ . : -");
  }
  if (durability !== "memory" && durability !== "log") {
    throw new InvalidOptionError("durability", 'must be "memory" or "log"');
  }
  return {
    url,
    durability,
    client,
    namespace,
    nodeId,
    nodeTtlMs: positive("nodeTtlMs", nodeTtlMs, 300),
    handoffTimeoutMs: positive("handoffTimeoutMs", handoffTimeoutMs, 1),
    commandTimeoutMs: positive("commandTimeoutMs", commandTimeoutMs, 1),
  };
}
