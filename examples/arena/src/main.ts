/**
 * `npm run arena -- [flags]`: the arena on its own, with its page. Flags: --port <n> (else the
 * PORT environment variable, else 8082; 0 = any free port), --host <addr> (default 127.0.0.1),
 * --bots <n> (server bots, 0..20, default 3), --seconds <n> (stop after n seconds; default: run
 * until Ctrl-C). A port that is taken is one line on stderr and exit code 1; a bad flag, exit 2.
 */
import { CommandLine } from "@tether/web-host";
import { startArena } from "./arena-server.js";
import { MAX_BOTS } from "./server-bots.js";

const cli = new CommandLine("arena");

export async function main(argv: readonly string[]): Promise<void> {
  const values = cli.flags(argv, {
    seconds: { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
    bots: { type: "string" },
  });
  const port = cli.port(values.port, 8082);
  const seconds = values.seconds === undefined ? undefined : Number(values.seconds);
  if (seconds !== undefined && !(seconds >= 0)) cli.fail("--seconds needs a number of seconds", 2);
  const bots = values.bots === undefined ? 3 : Number(values.bots);
  if (!/^\d+$/.test(values.bots ?? "0") || bots > MAX_BOTS) cli.fail(`--bots needs 0..${MAX_BOTS}`, 2);
  const host = values.host ?? "127.0.0.1";
  await cli.serve(
    { port, host },
    () => startArena(port, host, {}, { bots }),
    (url) => `arena at ${url} (open it in two browser windows)`,
    seconds === undefined ? undefined : seconds * 1000,
  );
}

cli.runIfMain(import.meta.url, main);
