/**
 * The one place the server reaches into `ws` internals (ws 8.x; test/ws-adapter.test.ts pins
 * the behaviour each relies on, so an upgrade that changes them fails there first):
 * - the TCP socket under a WebSocket (`_socket`), which the outbox writes to directly;
 * - the receiver's payload limit (`_receiver._maxPayload`), lowered per connection to the
 *   max_frame_bytes it negotiated, so a larger message closes 1009 before it is buffered;
 * - the server's default payload limit (`options.maxPayload`), changed at runtime.
 */
import type { Duplex } from "node:stream";
import type { WebSocket, WebSocketServer } from "ws";
import type { RawSocket } from "./outbox.js";

interface WsInternals {
  _socket?: RawSocket & Duplex;
  _receiver?: { _maxPayload?: number } | null;
}

/** The TCP socket a WebSocket writes to. */
export function socketOf(ws: WebSocket): (RawSocket & Duplex) | undefined {
  return (ws as unknown as WsInternals)._socket;
}

/** Messages larger than `bytes` close this connection with 1009 before they are buffered. */
export function setInboundLimit(ws: WebSocket, bytes: number): void {
  const receiver = (ws as unknown as WsInternals)._receiver;
  if (receiver && typeof receiver._maxPayload === "number") receiver._maxPayload = bytes;
}

/** The inbound limit of connections accepted from now on. */
export function setDefaultInboundLimit(wss: WebSocketServer, bytes: number): void {
  (wss.options as { maxPayload: number }).maxPayload = bytes;
}
