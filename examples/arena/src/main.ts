/**
 * `npm run arena -- [flags]`: the arena on its own, with its page. Flags: --port <n> (else the
 * PORT environment variable, else 8082; 0 = any free port), --host <addr> (default 127.0.0.1),
 * --bots <n> (server bots, 0..20, default 3), --seconds <n> (stop after n seconds; default: run
 * until Ctrl-C). A port that is taken is one line on stderr and exit code 1; a bad flag, exit 2.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type ArenaServer, startArena } from "./arena-server.js";
import { MAX_BOTS } from "./server-bots.js";

function fail(message: string, code: number): never {
  process.stderr.write(`arena: ${message}\n`);
  process.exit(code);
}

function parse(argv: readonly string[]) {
  try {
    const options = {
      seconds: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      bots: { type: "string" },
    } as const;
    return parseArgs({ args: [...argv], options, strict: true }).values;
  } catch (e) {
    return fail((e as Error).message, 2);
  }
}

export async function main(argv: readonly string[]): Promise<void> {
  const values = parse(argv);
  const given = values.port ?? (process.env.PORT === "" ? undefined : process.env.PORT);
  const port = given === undefined ? 8082 : Number(given);
  if (!/^\d+$/.test(given ?? "0") || port > 65535) fail("--port (PORT) needs 0..65535", 2);
  const seconds = values.seconds === undefined ? undefined : Number(values.seconds);
  if (seconds !== undefined && !(seconds >= 0)) fail("--seconds needs a number of seconds", 2);
  const bots = values.bots === undefined ? 3 : Number(values.bots);
  if (!/^\d+$/.test(values.bots ?? "0") || bots > MAX_BOTS) fail(`--bots needs 0..${MAX_BOTS}`, 2);
  const host = values.host ?? "127.0.0.1";
  let arena: ArenaServer;
  try {
    arena = await startArena(port, host, {}, { bots });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EADDRINUSE")
      fail(`port ${port} is taken (EADDRINUSE); use --port or PORT`, 1);
    return fail(`did not start on ${host}:${port}: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    arena.close().then(
      () => process.exit(0),
      (e: unknown) => fail(`shutdown failed: ${String(e)}`, 1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // After the handlers: a signal as soon as the line is read is a graceful stop.
  process.stdout.write(`arena at ${arena.url} (open it in two browser windows)\n`);
  if (seconds !== undefined) setTimeout(stop, seconds * 1000);
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`arena: ${String(e)}\n`);
    process.exit(1);
  });
}
