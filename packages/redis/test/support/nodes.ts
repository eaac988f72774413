/**
 * Cluster nodes for tests: Tether servers in this process sharing one Redis (REDIS_URL, default
 * redis://127.0.0.1:6379) under a namespace of their own, and clients that log in on one node
 * and resume on another. `closeAll` stops every node and client and deletes the namespace.
 */
import { randomBytes } from "node:crypto";
import type { ClientHelloResp } from "@tether/protocol";
import { createServer, type ServerOptions, type TetherServer } from "@tether/server";
import { WsClient } from "@tether/testkit";
import { Redis } from "ioredis";
import { type RedisCluster, type RedisClusterOptions, redisCluster } from "../../src/index.js";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export const authenticator = {
  authenticate(token: string) {
    const m = /^p:(\d+)(?:\/(\w+))?$/.exec(token);
    if (!m) throw new Error("bad token");
    return m[2] === undefined ? { playerId: Number(m[1]) } : { playerId: Number(m[1]), deviceId: m[2] };
  },
};

export const bytes = (s: string) => new TextEncoder().encode(s);
export const text = (b: Uint8Array) => new TextDecoder().decode(b);

export interface Node {
  readonly server: TetherServer;
  readonly cluster: RedisCluster;
  readonly url: string;
}

export class TestCluster {
  readonly namespace = `tether-test-${randomBytes(6).toString("hex")}`;
  readonly nodes: Node[] = [];
  readonly clients: WsClient[] = [];
  private readonly redis: Redis;

  constructor(readonly redisUrl = REDIS_URL) {
    this.redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  }

  /** A connection of the test's own to the cluster's Redis. */
  async db(): Promise<Redis> {
    if (this.redis.status === "wait") await this.redis.connect();
    return this.redis;
  }

  /** Starts a node; its routes are added by `setup` before it listens. */
  async node(
    nodeId: string,
    options: Partial<ServerOptions> = {},
    cluster: Partial<RedisClusterOptions> = {},
    setup?: (server: TetherServer) => void,
  ): Promise<Node> {
    const c = redisCluster({
      url: this.redisUrl,
      namespace: this.namespace,
      nodeId,
      nodeTtlMs: 1500,
      handoffTimeoutMs: 1500,
      ...cluster,
    });
    const server = createServer({ port: 0, authenticator, cluster: c, ...options });
    setup?.(server);
    const url = await server.listen();
    const node = { server, cluster: c, url };
    this.nodes.push(node);
    return node;
  }

  /** A client on `node`, after its ClientHello. */
  async client(node: Node): Promise<WsClient> {
    return (await this.helloed(node)).client;
  }

  /** A client on `node` and its ClientHelloResp. */
  async helloed(node: Node): Promise<{ client: WsClient; hello: ClientHelloResp }> {
    const client = await WsClient.open(node.url);
    this.clients.push(client);
    const { hello } = await client.hello();
    if (hello === undefined) throw new Error("ClientHello refused");
    return { client, hello };
  }

  /** Stops every node and client; deletes the namespace's keys unless `flush` is false. */
  async closeAll(options: { flush?: boolean } = {}): Promise<void> {
    for (const c of this.clients.splice(0)) c.destroy();
    await Promise.all(this.nodes.splice(0).map((n) => n.server.close({ drainMs: 0, handoffMs: 0 })));
    if (options.flush === false) return;
    const db = await this.db();
    const keys = await db.keys(`${this.namespace}*`);
    if (keys.length > 0) await db.del(...keys);
    db.disconnect();
  }

  /** The keys of the namespace (for checks of what Redis holds). */
  async keys(pattern = "*"): Promise<string[]> {
    return (await this.db()).keys(`${this.namespace}${pattern}`);
  }
}
