/**
 * `npm run game -- [--seconds N] [--port P]`: starts the arena and two bots, prints the
 * scoreboard every second, and stops after N seconds (default: run until Ctrl-C). The port is
 * --port, else the PORT environment variable, else 8082 (0 = any free port); it listens on
 * 127.0.0.1. A port that is taken is one line on stderr and exit code 1; a bad flag, exit code 2.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Bot } from "./bot.js";
import { startArena } from "./game-server.js";

function fail(message: string, code: number): never {
  process.stderr.write(`game: ${message}\n`);
  process.exit(code);
}

function parse(argv: readonly string[]) {
  try {
    const options = { seconds: { type: "string" }, port: { type: "string" } } as const;
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
  let arena: Awaited<ReturnType<typeof startArena>>;
  try {
    arena = await startArena({ port });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EADDRINUSE")
      fail(`port ${port} is taken (EADDRINUSE); use --port or PORT`, 1);
    return fail(`did not start on 127.0.0.1:${port}: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
  const bots = [new Bot(arena.server.url, 1), new Bot(arena.server.url, 2)];
  let board: NodeJS.Timeout | undefined;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(board);
    for (const b of bots) {
      b.stop();
      b.client.close();
    }
    await arena.close();
    process.exit(0);
  };
  // Before the bots connect, so that a signal while they do still stops it gracefully.
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  process.stdout.write(`arena at ${arena.server.url}\n`); // after the handlers: a signal now is graceful
  if (seconds !== undefined) setTimeout(() => void stop(), seconds * 1000);
  try {
    await Promise.all(bots.map((b) => b.start()));
  } catch (e) {
    if (stopping) return; // stopped while a bot was connecting
    throw e;
  }
  if (stopping) return;
  board = setInterval(() => {
    const s = arena.state();
    process.stdout.write(`revision ${s.revision}: ${[...s.scores].map(([p, n]) => `bot ${p} ${n}`).join(", ")}\n`);
  }, 1000);
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`game: ${String(e)}\n`);
    process.exit(1);
  });
}
