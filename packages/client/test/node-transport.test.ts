import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { nodeTransport } from "../src/node/index.js";
import { messageBytes } from "../src/transport.js";

let wss: WebSocketServer | undefined;
afterEach(async () => {
  await new Promise<void>((r) => (wss ? wss.close(() => r()) : r()));
  wss = undefined;
});

/** A ws server on an ephemeral port that sends `messages` to each socket and then closes it. */
async function serverSending(messages: (string | Uint8Array)[]): Promise<string> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  wss = server;
  server.on("connection", (ws) => {
    for (const m of messages) ws.send(m);
    ws.close(4321, "bye");
  });
  await new Promise<void>((r) => server.once("listening", () => r()));
  const a = server.address();
  return `ws://127.0.0.1:${typeof a === "object" && a !== null ? a.port : 0}`;
}

describe("nodeTransport", () => {
  it("hands binary messages on as bytes, text messages as strings (refused), and reports the close", async () => {
    const url = await serverSending([new Uint8Array([1, 2, 3]), "text"]);
    const ws = nodeTransport(url);
    const got: unknown[] = [];
    let opened = false;
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => {
      ws.onopen = () => {
        opened = true;
      };
      ws.onmessage = (ev) => got.push(ev.data);
      ws.onclose = resolve;
    });
    expect(opened).toBe(true);
    expect([...(messageBytes(got[0]) ?? [])]).toEqual([1, 2, 3]);
    expect([got[1], messageBytes(got[1])]).toEqual(["text", undefined]);
    expect(closed).toEqual({ code: 4321, reason: "bye" });
    expect(ws.readyState).toBe(3);
  });

  it("reports a socket that cannot open as an error, then a close", async () => {
    const url = await serverSending([]);
    await new Promise<void>((r) => wss?.close(() => r()));
    wss = undefined;
    const ws = nodeTransport(url);
    const events: string[] = [];
    await new Promise<void>((resolve) => {
      ws.onerror = () => events.push("error");
      ws.onclose = () => {
        events.push("close");
        resolve();
      };
    });
    expect(events).toEqual(["error", "close"]);
  });
});
