/**
 * `npm run game -- [--seconds N] [--port P]`: starts the arena and two bots, prints the
 * scoreboard every second, and stops after N seconds (default: run until Ctrl-C).
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Bot } from "./bot.js";
import { startArena } from "./game-server.js";

export async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({ args: [...argv], options: { seconds: { type: "string" }, port: { type: "string" } } });
  const port = values.port === undefined ? 8082 : Number(values.port);
  const arena = await startArena({ port });
  process.stdout.write(`arena at ${arena.server.url}\n`);
  const bots = [new Bot(arena.server.url, 1), new Bot(arena.server.url, 2)];
  await Promise.all(bots.map((b) => b.start()));
  const board = setInterval(() => {
    const s = arena.state();
    process.stdout.write(`revision ${s.revision}: ${[...s.scores].map(([p, n]) => `bot ${p} ${n}`).join(", ")}\n`);
  }, 1000);
  const stop = async () => {
    clearInterval(board);
    for (const b of bots) {
      b.stop();
      b.client.close();
    }
    await arena.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  if (values.seconds !== undefined) setTimeout(() => void stop(), Number(values.seconds) * 1000);
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`game: ${String(e)}\n`);
    process.exit(1);
  });
}
