/**
 * The chat on its own HTTP server (`node examples/chat/dist/main.js`): starts it and prints its
 * URL. Flags: --port <n> (else the PORT environment variable, else 8080; 0 = any free port), --host
 * <addr> (default 127.0.0.1). A port that is taken is one line on stderr and exit code 1.
 * Everything is in memory. Cluster mode (the chat among the examples on three nodes, `npm run
 * cluster`) is the showcase's: examples/showcase/src/cluster-parts.ts.
 */
import { CommandLine } from "@tether/web-host";
import { startChatServer } from "./chat-server.js";

const cli = new CommandLine("chat");

export async function main(argv: readonly string[]): Promise<void> {
  const values = cli.flags(argv, { port: { type: "string" }, host: { type: "string" } });
  const port = cli.port(values.port, 8080);
  const host = values.host ?? "127.0.0.1";
  await cli.serve(
    { port, host },
    () => startChatServer(port, host),
    (url) => `chat running at ${url} (open it in two browser windows)`,
  );
}

cli.runIfMain(import.meta.url, main);
