/**
 * Client tests run against the real conformance server (in-process, on 127.0.0.1:0) through the
 * real `ws` transport, wrapped so a test can cut or black-hole the current socket.
 */
import { afterEach } from "vitest";
import { WebSocket } from "ws";
import { type ClientOptions, TetherClient, type TransportFactory, type WebSocketLike } from "../src/index.js";

export { echo, forget as forgetServer, startEcho } from "@tether/testkit/echo";

const clients: TetherClient[] = [];

afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

/** A ws transport whose current socket a test can cut (no close frame) or black-hole. */
export class TestTransport {
  sockets: WebSocket[] = [];
  blackHole = false;
  readonly factory: TransportFactory = (url) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    this.sockets.push(ws);
    const self = this;
    // Interpose on message delivery and sending so a black hole swallows both directions.
    const realSend = ws.send.bind(ws);
    (ws as unknown as { send: (d: Uint8Array) => void }).send = (d) => {
      if (!self.blackHole) realSend(d);
    };
    ws.on("message", () => {});
    const like = ws as unknown as WebSocketLike;
    let userOnMessage: WebSocketLike["onmessage"] = null;
    Object.defineProperty(like, "onmessage", {
      get: () => userOnMessage,
      set: (fn: WebSocketLike["onmessage"]) => {
        userOnMessage = fn;
      },
    });
    ws.addEventListener("message", (ev) => {
      if (!self.blackHole) userOnMessage?.({ data: ev.data });
    });
    return like;
  };

  get current(): WebSocket | undefined {
    return this.sockets[this.sockets.length - 1];
  }

  /** Cuts the current TCP connection without a close frame (a network failure). False if none is open. */
  cut(): boolean {
    const ws = this.current;
    if (ws?.readyState !== WebSocket.OPEN) return false;
    ws.terminate();
    return true;
  }
}

export function makeClient(
  url: string,
  options: Partial<ClientOptions> = {},
  transport = new TestTransport(),
): { client: TetherClient; transport: TestTransport } {
  const client = new TetherClient({
    url,
    token: "p:1",
    transport: transport.factory,
    reconnect: { minDelayMs: 5, maxDelayMs: 50 },
    ...options,
  });
  clients.push(client);
  return { client, transport };
}

/** Resolves when the client reaches a state of `kind` (or already is in it). */
export function stateReached(client: TetherClient, kind: string): Promise<void> {
  if (client.state.kind === kind) return Promise.resolve();
  return new Promise((resolve) => {
    const off = client.on("state", (s) => {
      if (s.kind === kind) {
        off();
        resolve();
      }
    });
  });
}

/** Resolves with the next value of `event`. */
export function nextEvent<K extends "resumed" | "synced" | "kicked" | "error">(
  client: TetherClient,
  event: K,
): Promise<Parameters<Parameters<TetherClient["on"]>[1]>[0]> {
  return new Promise((resolve) => {
    const off = client.on(event, (e) => {
      off();
      resolve(e as never);
    });
  });
}
