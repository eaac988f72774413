/**
 * `npm run cluster`: the showcase (the landing page, the chat and the arena) in cluster mode on
 * loopback. Three showcase nodes (node-1..node-3, as child processes, one Redis namespace,
 * durability "log", the pages' "kill this node" on) behind a round-robin TCP proxy. Prints one
 * line on stdout, the proxy's URL; everything else goes to stderr. A node that exits by itself (a
 * page killed it) is started again, with the same nodeId, after --restart-delay-ms. SIGINT or
 * SIGTERM stops the proxy and the nodes.
 *
 * Flags (environment variable in brackets):
 *   --port <n>             the proxy's port [PORT], default 8080; 0 = any free port
 *   --node-port <n>        the first node's port [NODE_PORT], default 8081 (then 8082, 8083); 0 = any
 *   --namespace <ns>       the Redis namespace [SHOWCASE_NAMESPACE], default "tether-showcase-demo"
 *   --durability <d>       "log" (default: a killed node's sessions resume with an exact replay)
 *                          or "memory" (they re-sync from a snapshot)
 *   --restart-delay-ms <n> how long a killed node stays down, default 2000
 * Redis: REDIS_URL, default redis://127.0.0.1:6379 (scripts/run-cluster.mjs starts one if needed).
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type NodeExit, NodeProcess } from "./node-process.js";
import { RoundRobinProxy } from "./tcp-proxy.js";

const HOST = "127.0.0.1";
const NODES = 3;

const log = (line: string) => process.stderr.write(`${line}\n`);

function fail(message: string, code: number): never {
  log(`cluster: ${message}`);
  process.exit(code);
}

interface LauncherFlags {
  readonly port: number;
  readonly nodePort: number;
  readonly namespace: string;
  readonly durability: "log" | "memory";
  readonly restartDelayMs: number;
  readonly redis: string;
}

function portOf(name: string, value: string | undefined, fallback: number, last: number): number {
  const n = value === undefined || value === "" ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 0 || n > last) fail(`${name} needs 0..${last}`, 2);
  return n;
}

export function parseLauncherFlags(argv: readonly string[], env: NodeJS.ProcessEnv): LauncherFlags {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        port: { type: "string" },
        "node-port": { type: "string" },
        namespace: { type: "string" },
        durability: { type: "string" },
        "restart-delay-ms": { type: "string" },
      },
      strict: true,
    }).values;
  } catch (e) {
    return fail((e as Error).message, 2);
  }
  const durability = values.durability ?? "log";
  if (durability !== "log" && durability !== "memory") fail("--durability is log or memory", 2);
  const delay = Number(values["restart-delay-ms"] ?? 2000);
  if (!Number.isInteger(delay) || delay < 0) fail("--restart-delay-ms needs a whole number of ms", 2);
  return {
    port: portOf("--port (PORT)", values.port ?? env.PORT, 8080, 65535),
    nodePort: portOf("--node-port (NODE_PORT)", values["node-port"] ?? env.NODE_PORT, 8081, 65535 - NODES + 1),
    namespace: values.namespace ?? env.SHOWCASE_NAMESPACE ?? "tether-showcase-demo",
    durability,
    restartDelayMs: delay,
    redis: env.REDIS_URL ?? "redis://127.0.0.1:6379",
  };
}

export async function main(argv: readonly string[]): Promise<void> {
  const flags = parseLauncherFlags(argv, process.env);
  const nodes: NodeProcess[] = [];
  const proxy = new RoundRobinProxy(() => nodes.flatMap((n) => (n.backend ? [n.backend] : [])));
  let port: number;
  try {
    port = await proxy.listen(flags.port, HOST);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EADDRINUSE") {
      fail(`port ${flags.port} is taken (choose another with --port or PORT)`, 1);
    }
    return fail(`the proxy could not listen: ${(e as Error).message}`, 1);
  }

  let stopping = false;
  const timers = new Set<NodeJS.Timeout>();
  const restartLater = (node: NodeProcess) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (stopping) return;
      node.start().then(
        (url) => log(`cluster: ${node.nodeId} is back on ${url} (pid ${node.pid})`),
        (e: unknown) => {
          log(`cluster: ${node.nodeId} did not start again (${(e as Error).message}); trying again`);
          if (!stopping) restartLater(node);
        },
      );
    }, flags.restartDelayMs);
    timers.add(timer);
  };
  const exited = (node: NodeProcess, exit: NodeExit) => {
    if (stopping) return;
    const how = exit.signal ?? `code ${exit.code}`;
    log(`cluster: ${node.nodeId} exited (${how}); restarting it in ${flags.restartDelayMs} ms`);
    restartLater(node);
  };
  const common = ["--host", HOST, "--redis", flags.redis, "--namespace", flags.namespace];
  const args = [...common, "--durability", flags.durability, "--demo-kill"];
  for (let i = 1; i <= NODES; i++) {
    const nodePort = flags.nodePort === 0 ? 0 : flags.nodePort + i - 1;
    nodes.push(new NodeProcess(`node-${i}`, nodePort, args, log, exited));
  }

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const t of timers) clearTimeout(t);
    await proxy.close();
    await Promise.all(nodes.map((n) => n.stop()));
    process.exit(code);
  };
  const onSignal = (signal: string) => {
    if (!stopping) log(`cluster: ${signal}: stopping the proxy and the nodes`);
    void shutdown(0);
  };
  process.on("SIGINT", () => onSignal("SIGINT"));
  process.on("SIGTERM", () => onSignal("SIGTERM"));

  const started = await Promise.allSettled(nodes.map((n) => n.start()));
  const failed = started.findIndex((s) => s.status === "rejected");
  if (failed >= 0) {
    const why = started[failed]?.status === "rejected" ? (started[failed].reason as Error).message : "";
    const taken = / is taken /.test(why) ? ` (choose the nodes' first port with --node-port or NODE_PORT)` : "";
    log(
      `cluster: node-${failed + 1} did not start: ${taken ? `port ${flags.nodePort + failed} is taken${taken}` : why}`,
    );
    await shutdown(1);
    return;
  }
  nodes.forEach((n, i) => {
    const s = started[i];
    if (s?.status === "fulfilled") log(`cluster: ${n.nodeId} on ${s.value} (pid ${n.pid})`);
  });
  log(`cluster: ${NODES} nodes on ${flags.redis}, namespace ${flags.namespace}, durability ${flags.durability}`);
  process.stdout.write(`http://${HOST}:${port}/\n`);
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    log(`cluster: ${String(e)}`);
    process.exit(1);
  });
}
