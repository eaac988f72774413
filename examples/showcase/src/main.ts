/**
 * `npm start` from the repository root: builds the browser examples, mounts them on one port
 * behind a landing page and prints its URL (one line on stdout). Flags: --port <n> (else the PORT
 * environment variable, else 8080; 0 = any free port), --host <addr> (default 127.0.0.1). A port
 * that is taken is one line on stderr and exit code 1; a bad flag or PORT, exit code 2.
 *
 * Cluster mode (one node of several, as `npm run cluster` starts them): --redis <url> (or
 * REDIS_URL with --cluster) turns it on; --namespace <ns> (default "tether-showcase"), --node-id
 * <id> (or NODE_ID; default random), --durability memory|log (default memory), and --demo-kill,
 * which lets the pages kill the node serving them (never on by default). Its line then ends with
 * "as node <id>".
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { mountArena } from "@tether/arena";
import { mountChat } from "@tether/chat";
import type { ClusterConfig, ClusterParts } from "./cluster-parts.js";
import { type Mount, type Showcase, startShowcase } from "./showcase.js";

/** The examples on the landing page, in its order, one line each; `cluster` gives their cluster options. */
export function mounts(cluster?: ClusterParts): readonly Mount[] {
  return [
    (http) => mountChat(http, "/chat", cluster?.chat.server, cluster?.chat.options),
    (http) => mountArena(http, "/arena", cluster?.arena.server, cluster?.arena.options),
  ];
}

/** What `npm start` mounts: every example, in memory. */
export const APPS: readonly Mount[] = mounts();

function fail(message: string, code: number): never {
  process.stderr.write(`showcase: ${message}\n`);
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

/** Cluster mode's settings from the flags, or undefined when it is off; exits 2 on a bad one. */
function clusterConfig(values: ReturnType<typeof parse>, env: NodeJS.ProcessEnv): ClusterConfig | undefined {
  if (values.cluster !== true && values.redis === undefined) {
    if (values["demo-kill"] || values["node-id"] !== undefined) fail("--node-id and --demo-kill need --redis", 2);
    return undefined;
  }
  const durability = values.durability ?? "memory";
  if (durability !== "memory" && durability !== "log") return fail("--durability is memory or log", 2);
  const nodeId = values["node-id"] ?? (env.NODE_ID === "" ? undefined : env.NODE_ID);
  return {
    url: values.redis ?? env.REDIS_URL ?? "redis://127.0.0.1:6379",
    namespace: values.namespace ?? "tether-showcase",
    ...(nodeId === undefined ? {} : { nodeId }),
    durability,
    demoKill: values["demo-kill"] === true,
  };
}

/** Loaded only in cluster mode: the default single process never loads Redis code. */
async function loadClusterParts(config: ClusterConfig): Promise<ClusterParts> {
  const { clusterParts } = await import("./cluster-parts.js");
  try {
    return clusterParts(config);
  } catch (e) {
    return fail((e as Error).message, 2);
  }
}

export async function main(argv: readonly string[]): Promise<void> {
  const values = parse(argv);
  const given = values.port ?? (process.env.PORT === "" ? undefined : process.env.PORT);
  const port = given === undefined ? 8080 : Number(given);
  if (!/^\d+$/.test(given ?? "0") || port > 65535) fail("--port (PORT) needs 0..65535", 2);
  const host = values.host ?? "127.0.0.1";
  const config = clusterConfig(values, process.env);
  const cluster = config === undefined ? undefined : await loadClusterParts(config);
  let showcase: Showcase;
  try {
    showcase = await startShowcase({ port, host, apps: mounts(cluster) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") fail(`port ${port} is taken (EADDRINUSE); use --port or PORT`, 1);
    return fail(`did not start on ${host}:${port}: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    showcase.close().then(
      () => process.exit(0),
      (e: unknown) => fail(`shutdown failed: ${String(e)}`, 1),
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // Started by the cluster launcher (node-process.ts, an IPC channel): goes when the launcher goes.
  if (process.send !== undefined) process.on("disconnect", stop);
  // After the handlers: a signal as soon as the line is read is a graceful stop.
  const where = cluster === undefined ? "" : ` as node ${cluster.nodeId}`;
  process.stdout.write(`tether showcase at ${showcase.url}${where}\n`);
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`showcase: ${String(e)}\n`);
    process.exit(1);
  });
}
