/**
 * `@tether/client/node`: the transport for Node, on `ws` (install it beside the client).
 *
 * It adapts ws's own events rather than its browser-style `onmessage`: ws would wrap every
 * message in a MessageEvent and copy it into an ArrayBuffer; here a message reaches the client as
 * the Buffer ws read it into (a Uint8Array), with one small event object.
 */
import { WebSocket } from "ws";
import type { TransportFactory, WebSocketLike } from "../transport.js";

class NodeSocket implements WebSocketLike {
  /** Ignored: binary messages always arrive as Uint8Array (Buffer) views. */
  binaryType = "arraybuffer";
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  private readonly ws: WebSocket;

  constructor(url: string) {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.binaryType = "nodebuffer";
    ws.on("open", () => this.onopen?.(undefined));
    // A text message is handed on as a string, which the client refuses (protocol.md §1).
    ws.on("message", (data: Buffer, isBinary) => this.onmessage?.({ data: isBinary ? data : data.toString() }));
    ws.on("close", (code, reason) => this.onclose?.({ code, reason: reason.toString() }));
    ws.on("error", (e) => this.onerror?.(e));
    this.ws = ws;
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
}

export const nodeTransport: TransportFactory = (url) => new NodeSocket(url);
