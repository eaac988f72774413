/**
 * Pins the `ws` internals that ws-adapter.ts relies on: if an upgrade of `ws` moves them, this
 * fails before anything subtler does.
 */
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { setDefaultInboundLimit, setInboundLimit, socketOf } from "../src/ws-adapter.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

async function pair(maxPayload = 1 << 20): Promise<{ wss: WebSocketServer; server: WebSocket; client: WebSocket }> {
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1", maxPayload });
  cleanup.push(() => wss.close());
  wss.on("connection", (ws) => ws.on("error", () => {})); // the 1009 is also reported as an error
  await once(wss, "listening");
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  cleanup.push(() => client.terminate());
  const [server] = (await once(wss, "connection")) as [WebSocket];
  await once(client, "open");
  return { wss, server, client };
}

describe("the ws adapter", () => {
  it("finds the TCP socket under a WebSocket", async () => {
    const { server } = await pair();
    const socket = socketOf(server);
    expect(typeof socket?.write).toBe("function");
    expect(socket?.destroyed).toBe(false);
  });

  it("lowers one connection's inbound limit: a larger message closes 1009", async () => {
    const { server, client } = await pair();
    setInboundLimit(server, 100);
    const got: number[] = [];
    server.on("message", (m: Buffer) => got.push(m.length));
    client.send(new Uint8Array(100));
    client.send(new Uint8Array(101));
    const [code] = (await once(client, "close")) as [number];
    expect(code).toBe(1009);
    expect(got).toEqual([100]);
  });

  it("changes the limit of connections accepted later", async () => {
    const { wss } = await pair();
    setDefaultInboundLimit(wss, 50);
    const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
    cleanup.push(() => client.terminate());
    await once(client, "open");
    client.send(new Uint8Array(51));
    const [code] = (await once(client, "close")) as [number];
    expect(code).toBe(1009);
  });
});
