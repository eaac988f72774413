/**
 * `npm start` from the repository root: builds what the chat needs, starts it and prints its URL.
 * Flags: --port <n> (default 8080, 0 = any free port), --host <addr> (default 127.0.0.1).
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startChatServer } from "./chat-server.js";

export async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: { port: { type: "string" }, host: { type: "string" } },
    strict: true,
  });
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write("chat: --port needs 0..65535\n");
    process.exit(2);
  }
  const chat = await startChatServer(port, values.host ?? "127.0.0.1");
  process.stdout.write(`chat running at ${chat.url} (open it in two browser windows)\n`);
  const stop = () => void chat.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`chat: ${String(e)}\n`);
    process.exit(1);
  });
}
