/**
 * `npm start` from the repository root: builds what the chat needs, starts it and prints its URL.
 * Flags: --port <n> (else the PORT environment variable, else 8080; 0 = any free port), --host
 * <addr> (default 127.0.0.1). A port that is taken is one line on stderr and exit code 1.
 *
 * Cluster mode (one node of several, as `npm run cluster` starts them): --redis <url> (or
 * REDIS_URL with --cluster) turns it on; --namespace <ns> (default "tether-chat"), --node-id <id>
 * (or CHAT_NODE_ID; default random), --durability memory|log (default memory), and --demo-kill,
 * which lets the page kill the node serving it (never on by default).
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { ServerOptions } from "@tether/server";
import { type ChatOptions, startChatServer } from "./chat-server.js";

function fail(message: string, code: number): never {
  process.stderr.write(`chat: ${message}\n`);
  process.exit(code);
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        port: { type: "string" },
        host: { type: "string" },
        cluster: { type: "boolean" },
        redis: { type: "string" },
        namespace: { type: "string" },
        "node-id": { type: "string" },
        durability: { type: "string" },
        "demo-kill": { type: "boolean" },
      },
      strict: true,
    }).values;
  } catch (e) {
    return fail((e as Error).message, 2);
  }
}

/** Cluster mode's parts, loaded only when it is on (Redis code is not loaded otherwise). */
async function clusterParts(
  values: ReturnType<typeof parse>,
): Promise<{ server: Partial<ServerOptions>; chat: ChatOptions & { nodeId: string } }> {
  const url = values.redis ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const durability = values.durability ?? "memory";
  if (durability !== "memory" && durability !== "log") fail("--durability is memory or log", 2);
  const { redisCluster } = await import("@tether/redis");
  const { RedisStore } = await import("./redis-store.js");
  const namespace = values.namespace ?? "tether-chat";
  const nodeId = values["node-id"] ?? process.env.CHAT_NODE_ID;
  let cluster: ReturnType<typeof redisCluster>;
  try {
    cluster = redisCluster({ url, namespace, durability, ...(nodeId === undefined ? {} : { nodeId }) });
  } catch (e) {
    return fail((e as Error).message, 2);
  }
  const kill = () => process.kill(process.pid, "SIGKILL");
  return {
    server: { cluster },
    chat: { store: new RedisStore(url, namespace), nodeId: cluster.nodeId, ...(values["demo-kill"] ? { kill } : {}) },
  };
}

export async function main(argv: readonly string[]): Promise<void> {
  const values = parse(argv);
  const given = values.port ?? (process.env.PORT === "" ? undefined : process.env.PORT);
  const port = given === undefined ? 8080 : Number(given);
  if (!/^\d+$/.test(given ?? "0") || port > 65535) fail("--port (PORT) needs 0..65535", 2);
  const host = values.host ?? "127.0.0.1";
  const clustered = values.cluster === true || values.redis !== undefined;
  if (!clustered && (values["demo-kill"] || values["node-id"] !== undefined))
    fail("--node-id and --demo-kill need --redis", 2);
  const parts = clustered ? await clusterParts(values) : undefined;
  let chat: Awaited<ReturnType<typeof startChatServer>>;
  try {
    chat = await startChatServer(port, host, parts?.server, parts?.chat);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") fail(`port ${port} is taken (EADDRINUSE); use --port or PORT`, 1);
    return fail(`did not start on ${host}:${port}: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    chat.close().then(
      () => process.exit(0),
      (e: unknown) => fail(`shutdown failed: ${String(e)}`, 1),
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // Started by the cluster launcher (chat-node.ts, an IPC channel): goes when the launcher goes.
  if (process.send !== undefined) process.on("disconnect", stop);
  // After the handlers: a signal as soon as the line is read is a graceful stop.
  const where = parts ? ` as node ${parts.chat.nodeId}` : "";
  process.stdout.write(`chat running at ${chat.url}${where} (open it in two browser windows)\n`);
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`chat: ${String(e)}\n`);
    process.exit(1);
  });
}
