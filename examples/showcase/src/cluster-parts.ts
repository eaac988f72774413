/**
 * Cluster mode's parts (one node of several, as `npm run cluster` starts them): for each example
 * its own `redisCluster` (two Tether servers in one process each need their own, under their own
 * namespace `<ns>-<example>`), the chat's Redis store, and what the pages show: this node's id
 * and, with `demoKill`, the "kill this node" button. main.ts loads this file with `import()`
 * only in cluster mode, so the default single process never loads Redis code.
 */
import type { ArenaOptions } from "@tether/arena";
import type { ChatOptions } from "@tether/chat";
import { RedisStore } from "@tether/chat/redis-store";
import { redisCluster } from "@tether/redis";
import type { ServerOptions } from "@tether/server";

export interface ClusterConfig {
  /** The Redis every node shares, e.g. "redis://127.0.0.1:6379". */
  readonly url: string;
  /** The cluster's namespace; each example adds its own suffix ("-chat", "-arena"). */
  readonly namespace: string;
  /** This node's id, the same for every example on it. Default: random. */
  readonly nodeId?: string;
  /** "log": a killed node's sessions resume elsewhere with an exact replay; "memory": from a snapshot. */
  readonly durability: "memory" | "log";
  /** Lets the pages kill the node serving them (SIGKILL to this process). */
  readonly demoKill: boolean;
}

/** One example's options: its Tether server's, then its own. */
export interface AppParts<T> {
  readonly server: Partial<ServerOptions>;
  readonly options: T;
}

export interface ClusterParts {
  readonly nodeId: string;
  readonly chat: AppParts<ChatOptions>;
  readonly arena: AppParts<ArenaOptions>;
}

/** Throws when redisCluster refuses an option (an unusable url or namespace). */
export function clusterParts(config: ClusterConfig): ClusterParts {
  const { url, namespace, durability } = config;
  const chatNamespace = `${namespace}-chat`;
  const arenaNamespace = `${namespace}-arena`;
  const chatCluster = redisCluster({
    url,
    namespace: chatNamespace,
    durability,
    ...(config.nodeId === undefined ? {} : { nodeId: config.nodeId }),
  });
  const nodeId = chatCluster.nodeId; // the random default, when none was given
  const arenaCluster = redisCluster({ url, namespace: arenaNamespace, durability, nodeId });
  const kill = () => process.kill(process.pid, "SIGKILL");
  const page = { nodeId, ...(config.demoKill ? { kill } : {}) };
  return {
    nodeId,
    chat: { server: { cluster: chatCluster }, options: { ...page, store: new RedisStore(url, chatNamespace) } },
    arena: { server: { cluster: arenaCluster }, options: { ...page, redis: { url, namespace: arenaNamespace } } },
  };
}
