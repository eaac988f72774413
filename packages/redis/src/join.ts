/**
 * Joining the cluster and leaving it: the node's two Redis connections (commands, and
 * subscriptions), its registration and channel, the cluster's serverEpoch, and the parts built on
 * them. Either connection lost and back again is reported, so that the node re-asserts what it
 * holds (redis-cluster.ts).
 */
import { randomBytes } from "node:crypto";
import type { ClusterHost, Logger } from "@tether/system";
import { Redis, Cluster as RedisClusterClient } from "ioredis";
import type { ClusterCounters } from "./cluster-counters.js";
import { Directory } from "./directory.js";
import type { Keys } from "./keys.js";
import type { NodeMessage, Reply } from "./messages.js";
import { NodeLink } from "./node-link.js";
import type { RedisClusterOptions } from "./options.js";
import { Ownership } from "./ownership.js";
import { PushLog } from "./push-log.js";
import { TopicMembership } from "./topic-membership.js";

/** What `join` connects. */
export interface Joined {
  readonly redis: Redis;
  /** Durability "log" only. */
  readonly log: PushLog | undefined;
  readonly subscriber: Redis;
  readonly link: NodeLink;
  readonly ownership: Ownership;
  readonly renewTimer: ReturnType<typeof setInterval>;
  readonly directory: Directory;
  readonly membership: TopicMembership;
  /** The cluster's serverEpoch, written again if Redis lost it. */
  readonly serverEpoch: string;
}

/** What joining reports to the node, and reads of it. */
export interface JoinHooks {
  readonly counters: ClusterCounters;
  logger(): Logger | undefined;
  /** How long a session's keys live without renewal. */
  ttlMs(): number;
  /** A request from another node. */
  onMessage(m: Exclude<NodeMessage, Reply>): void;
  /** A connection to Redis closed. */
  lost(): void;
  /** Both connections are ready again after `lost`. */
  back(): void;
  /** Every third of nodeTtlMs. */
  renew(): void;
}

export async function join(o: RedisClusterOptions, keys: Keys, host: ClusterHost, h: JoinHooks): Promise<Joined> {
  const common = { lazyConnect: true, commandTimeout: o.commandTimeoutMs, maxRetriesPerRequest: 1 };
  // A Cluster client serves the same commands as a Redis one (ioredis types them apart).
  const given = o.client as Redis | undefined;
  const redis = given ?? new Redis(o.url, { ...common, enableAutoPipelining: true });
  const subscriber =
    o.client instanceof RedisClusterClient
      ? (o.client.duplicate() as unknown as Redis)
      : redis.duplicate({ ...common, commandTimeout: undefined });
  for (const c of [redis, subscriber]) {
    c.on("error", (e: Error) => h.logger()?.warn("redis", { error: e.message }));
    c.on("close", () => h.lost());
    c.on("ready", () => {
      if (redis.status === "ready" && subscriber.status === "ready") h.back();
    });
  }
  const ownership = new Ownership(redis, keys, o.nodeId, h.ttlMs, h.logger);
  if (o.client === undefined) await redis.connect();
  if (subscriber.status === "wait") await subscriber.connect(); // lazy: connect it; else it is connecting
  const link = new NodeLink(redis, subscriber, keys, o.nodeId, o.nodeTtlMs, !(o.client instanceof RedisClusterClient));
  await link.listen(h.onMessage);
  await link.register(host.counts());
  await redis.set(keys.serverEpoch, randomBytes(16).toString("base64url"), "NX");
  const serverEpoch = (await redis.get(keys.serverEpoch)) as string;
  const renewTimer = setInterval(h.renew, Math.max(100, Math.floor(o.nodeTtlMs / 3)));
  renewTimer.unref();
  const log = o.durability === "log" ? new PushLog(redis, keys, h.ttlMs, h.logger, h.counters.log) : undefined;
  const directory = new Directory(redis, keys, link);
  const membership = new TopicMembership(redis, subscriber, keys, o.nodeId, h.logger);
  return { redis, subscriber, link, ownership, renewTimer, log, directory, membership, serverEpoch };
}

/** Leaves: this node's topic members and registration go, and its connections close. */
export async function leave(j: Joined, o: RedisClusterOptions, logger: Logger | undefined): Promise<void> {
  clearInterval(j.renewTimer);
  j.link.close();
  try {
    await j.membership.purge(o.nodeId); // the sessions left here are nobody's now
    await j.link.unregister();
  } catch (e) {
    logger?.warn("redis: could not unregister the node", { error: String(e) });
  }
  j.subscriber.disconnect();
  if (o.client === undefined) j.redis.disconnect();
  j.ownership.clear();
}
