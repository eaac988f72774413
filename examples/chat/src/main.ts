/**
 * The chat on its own HTTP server (`node examples/chat/dist/main.js`): starts it and prints its
 * URL. Flags: --port <n> (else the PORT environment variable, else 8080; 0 = any free port), --host
 * <addr> (default 127.0.0.1). A port that is taken is one line on stderr and exit code 1.
 * Everything is in memory. Cluster mode (the chat among the examples on three nodes, `npm run
 * cluster`) is the showcase's: examples/showcase/src/cluster-parts.ts.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startChatServer } from "./chat-server.js";

function fail(message: string, code: number): never {
  process.stderr.write(`chat: ${message}\n`);
  process.exit(code);
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: { port: { type: "string" }, host: { type: "string" } },
      strict: true,
    }).values;
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
  let chat: Awaited<ReturnType<typeof startChatServer>>;
  try {
    chat = await startChatServer(port, host);
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
  // After the handlers: a signal as soon as the line is read is a graceful stop.
  process.stdout.write(`chat running at ${chat.url} (open it in two browser windows)\n`);
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`chat: ${String(e)}\n`);
    process.exit(1);
  });
}
