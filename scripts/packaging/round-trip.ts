/**
 * The packaging check's round trip, compiled and run inside the fresh project that installed the
 * packed tarballs (scripts/check-packaging.mjs): a server from @tether/server with an
 * authenticator, a TetherClient from @tether/client on `ws`, a request, a reliable push, then a
 * cut socket and a resume that replays the push the client missed. Prints one line per step and
 * exits non-zero with the reason when a step fails.
 */
import { TetherClient, type TransportFactory, type WebSocketLike } from "@tether/client";
import { ErrorCode, TetherError } from "@tether/protocol";
import { tether } from "@tether/protocol/gen/echo";
import { createServer } from "@tether/server";
import type { TokenAuthenticator } from "@tether/system";
import { WebSocket } from "ws";

const echo = tether.echo;
const MSG_ECHO = 1000;
const MSG_PUSH = 2001;
const PLAYER = 7;

/** A `ws` socket shaped like the browser's, which the check can cut without a close frame. */
class CuttableSocket implements WebSocketLike {
  binaryType = "arraybuffer";
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  private readonly ws: WebSocket;

  constructor(url: string) {
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws.on("open", () => this.onopen?.(undefined));
    this.ws.on("message", (data: Buffer, isBinary) => this.onmessage?.({ data: isBinary ? data : data.toString() }));
    this.ws.on("close", (code, reason) => this.onclose?.({ code, reason: reason.toString() }));
    this.ws.on("error", (e) => this.onerror?.(e));
  }

  get readyState(): number {
    return this.ws.readyState;
  }

  send(data: Uint8Array): void {
    this.ws.send(data);
  }

  close(code?: number, reason?: string): void {
    this.ws.close(code, reason);
  }

  /** Drops the TCP connection without a close frame: a network failure. */
  cut(): void {
    this.ws.terminate();
  }
}

/** Rejects with `what` when `promise` has not settled within `ms`. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`round trip: ${what}`);
  console.log(`  ok  ${what}`);
}

const authenticator: TokenAuthenticator = {
  authenticate(token) {
    if (token !== "player-7-token") throw new TetherError(ErrorCode.UNAUTHORIZED, "unknown token");
    return { playerId: PLAYER };
  },
};

const server = createServer({ host: "127.0.0.1", port: 0, authenticator });
server.route(MSG_ECHO, echo.EchoReq, echo.EchoResp, (req, ctx) => {
  ctx.push(MSG_PUSH, echo.PushMsg.encode({ index: 0 }).finish());
  return { text: req.text };
});

const sockets: CuttableSocket[] = [];
const transport: TransportFactory = (url) => {
  const socket = new CuttableSocket(url);
  sockets.push(socket);
  return socket;
};

const pushes: { index: number; pushId: number; replay: boolean }[] = [];
const pushWaiters = new Map<number, () => void>();
function pushArrived(index: number): Promise<void> {
  if (pushes.some((p) => p.index === index)) return Promise.resolve();
  return new Promise((resolve) => pushWaiters.set(index, resolve));
}

let client: TetherClient | undefined;
try {
  const url = await server.listen();
  check(/^ws:\/\/127\.0\.0\.1:\d+\//.test(url), `server listens on an ephemeral port (${url})`);
  const c = new TetherClient({
    url,
    token: "player-7-token",
    transport,
    reconnect: { minDelayMs: 5, maxDelayMs: 50 },
  });
  client = c;
  c.onPush(MSG_PUSH, echo.PushMsg, (msg, meta) => {
    pushes.push({ index: msg.index, pushId: meta.pushId, replay: meta.replay });
    pushWaiters.get(msg.index)?.();
  });
  await within(5000, "connect", c.connect());
  check(c.state.kind === "ready", "client connected and logged in");

  const resp = await within(5000, "request", c.request(MSG_ECHO, echo.EchoReq, { text: "hello" }, echo.EchoResp));
  check(resp.text === "hello", "request answered");
  await within(5000, "reliable push 0", pushArrived(0));
  check(pushes[0]?.replay === false && (pushes[0]?.pushId ?? 0) > 0, "reliable push received live");

  const resumed = new Promise<number>((resolve) => {
    const off = c.on("resumed", ({ replayed }) => {
      off();
      resolve(replayed);
    });
  });
  const first = sockets[sockets.length - 1];
  if (first === undefined) throw new Error("round trip: the client opened no socket");
  first.cut();
  const reached = await server.gateway.sendToPlayer(PLAYER, MSG_PUSH, echo.PushMsg.encode({ index: 1 }).finish());
  check(reached === 1, "socket cut; a reliable push sent to the player's session meanwhile");
  const replayed = await within(5000, "resume", resumed);
  await within(5000, "replayed push 1", pushArrived(1));
  check(sockets.length === 2, "client reconnected on a new socket");
  check(replayed === 1, `client resumed, ${replayed} push replayed`);
  const one = pushes.filter((p) => p.index === 1);
  check(one.length === 1 && one[0]?.replay === true, "the missed push arrived once, marked as a replay");
  check(pushes.length === 2, "no push delivered twice");
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
} finally {
  client?.close();
  await within(5000, "server close", server.close({ drainMs: 0 }));
}
