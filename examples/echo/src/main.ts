#!/usr/bin/env node
/**
 * `npm run echo -- [flags]`: starts the conformance server. Prints exactly one line to stdout,
 * `listening ws://<host>:<port>/ws`, when ready; logs go to stderr. SIGTERM or SIGINT shut it
 * down gracefully (Disconnect 1012 to every connection) and exit 0. The port is `--port`, else
 * PORT, else 8081; a port that is taken is one line on stderr and exit code 1.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { LogFields, Logger } from "@tether/system";
import { createEchoServer } from "./echo-server.js";
import { FlagError, parseFlags } from "./flags.js";

function stderrLogger(): Logger {
  const line = (level: string) => (message: string, fields?: LogFields) =>
    process.stderr.write(`${level} ${message}${fields ? ` ${JSON.stringify(fields)}` : ""}\n`);
  return { debug: () => {}, info: line("info"), warn: line("warn"), error: line("error") };
}

/** One line for a listen() that failed: the port is taken, or another reason. */
export function listenFailure(e: unknown, host: string, port: number): string {
  const code = e instanceof Error ? (e as NodeJS.ErrnoException).code : undefined;
  if (code === "EADDRINUSE") return `port ${port} is taken (EADDRINUSE); use --port or PORT`;
  const why = e instanceof Error ? e.message : String(e);
  return `did not start on ${host}:${port}: ${why}`;
}

export async function main(argv: readonly string[]): Promise<void> {
  let flags: ReturnType<typeof parseFlags>;
  try {
    flags = parseFlags(argv, process.env);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    process.stderr.write(`echo: ${e.message}\n`);
    process.exit(2);
  }
  let server: ReturnType<typeof createEchoServer>;
  let closeState = () => {};
  try {
    const logger = stderrLogger();
    if (flags.cluster === undefined) {
      server = createEchoServer({ server: { ...flags.server, logger }, snapshots: flags.snapshots });
    } else {
      // Cluster mode: Redis code is loaded only here.
      const { redisCluster } = await import("@tether/redis");
      const { RedisEchoState } = await import("./redis-echo-state.js");
      const { url, namespace, nodeId, durability } = flags.cluster;
      const cluster = redisCluster({ url, namespace, durability, ...(nodeId === undefined ? {} : { nodeId }) });
      const state = new RedisEchoState(url, namespace, flags.server.sessionTtlMs ?? 120_000);
      closeState = () => state.close();
      server = createEchoServer({
        server: { ...flags.server, logger, cluster },
        snapshots: flags.snapshots,
        state,
        nodeId: cluster.nodeId,
      });
    }
  } catch (e) {
    process.stderr.write(`echo: ${(e as Error).message}\n`);
    process.exit(2);
  }
  let url: string;
  try {
    url = await server.listen();
  } catch (e) {
    process.stderr.write(`echo: ${listenFailure(e, flags.server.host ?? "127.0.0.1", flags.server.port ?? 8081)}\n`);
    closeState();
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`info ${signal}: shutting down\n`);
    server.close({ drainMs: 2000 }).then(
      () => {
        closeState();
        process.exit(0);
      },
      (e: unknown) => {
        process.stderr.write(`error shutdown failed: ${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  // After the handlers: a client that signals as soon as it reads the line gets a graceful exit.
  process.stdout.write(`listening ${url}\n`);
}

const invokedDirectly =
  process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`echo: ${String(e)}\n`);
    process.exit(1);
  });
}
