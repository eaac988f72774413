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
import { mountArena } from "@tether/arena";
import { mountChat } from "@tether/chat";
import { CommandLine, type Flags } from "@tether/web-host";
import type { ClusterConfig, ClusterParts } from "./cluster-parts.js";
import { type Mount, startShowcase } from "./showcase.js";

/** The examples on the landing page, in its order, one line each; `cluster` gives their cluster options. */
export function mounts(cluster?: ClusterParts): readonly Mount[] {
  return [
    (http) => mountChat(http, "/chat", cluster?.chat.server, cluster?.chat.options),
    (http) => mountArena(http, "/arena", cluster?.arena.server, cluster?.arena.options),
  ];
}

/** What `npm start` mounts: every example, in memory. */
export const APPS: readonly Mount[] = mounts();

const cli = new CommandLine("showcase");
const FLAGS = {
  port: { type: "string" },
  host: { type: "string" },
  cluster: { type: "boolean" },
  redis: { type: "string" },
  namespace: { type: "string" },
  "node-id": { type: "string" },
  durability: { type: "string" },
  "demo-kill": { type: "boolean" },
} as const;

/** Cluster mode's settings from the flags, or undefined when it is off; exits 2 on a bad one. */
function clusterConfig(values: Flags<typeof FLAGS>, env: NodeJS.ProcessEnv): ClusterConfig | undefined {
  if (values.cluster !== true && values.redis === undefined) {
    if (values["demo-kill"] || values["node-id"] !== undefined) cli.fail("--node-id and --demo-kill need --redis", 2);
    return undefined;
  }
  const durability = values.durability ?? "memory";
  if (durability !== "memory" && durability !== "log") return cli.fail("--durability is memory or log", 2);
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
    return cli.fail((e as Error).message, 2);
  }
}

export async function main(argv: readonly string[]): Promise<void> {
  const values = cli.flags(argv, FLAGS);
  const port = cli.port(values.port, 8080);
  const host = values.host ?? "127.0.0.1";
  const config = clusterConfig(values, process.env);
  const cluster = config === undefined ? undefined : await loadClusterParts(config);
  const where = cluster === undefined ? "" : ` as node ${cluster.nodeId}`;
  await cli.serve(
    { port, host },
    () => startShowcase({ port, host, apps: mounts(cluster) }),
    (url) => `tether showcase at ${url}${where}`,
  );
}

cli.runIfMain(import.meta.url, main);
