/**
 * The conformance server (`@tether/echo`, built) in-process from its real command-line flags, for
 * the suites of other packages (the client's). The echo package's own tests build the same kit
 * over its sources.
 */
import { createEchoServer } from "@tether/echo";
import { parseFlags } from "@tether/echo/flags";
import { tether } from "@tether/protocol/gen/echo";
import { echoKit } from "./server-kit.js";

export const echo = tether.echo;

const kit = echoKit(createEchoServer, parseFlags);

export const startEcho = kit.start;
export const startEchoWith = kit.startWith;
export const forget = kit.forget;
export const client = kit.client;
export const player = kit.player;
