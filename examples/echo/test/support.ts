/** Starts the conformance server in-process from its real command-line flags (its sources), and cleans up. */
import { tether } from "@tether/protocol/gen/echo";
import { echoKit, WsClient } from "@tether/testkit";
import { createEchoServer } from "../src/echo-server.js";
import { parseFlags } from "../src/flags.js";

export const echo = tether.echo;

const kit = echoKit(createEchoServer, parseFlags);

export const startEcho = kit.start;
/** Starts the conformance server with some server options of the test's own (a logger, say). */
export const startEchoWith = kit.startWith;
/** Forgets a server the test closed itself. */
export const forget = kit.forget;
export const client = kit.client;
export const player = kit.player;

export const enc = (s: string) => new TextEncoder().encode(s);
export { errorOf, isError } from "@tether/testkit";
export { WsClient };
