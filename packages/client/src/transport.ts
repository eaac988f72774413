/**
 * The client sees the network through this small interface: anything shaped like the browser's
 * WebSocket. Browsers use the global one; Node passes `nodeTransport` (from @tether/client/node,
 * on `ws`); game engines pass a factory around their own socket.
 */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
}

export type TransportFactory = (url: string) => WebSocketLike;

/** The browser's (or the runtime's) global WebSocket. */
export function globalTransport(): TransportFactory {
  const WS = (globalThis as { WebSocket?: new (url: string) => WebSocketLike }).WebSocket;
  if (WS === undefined) {
    throw new TypeError(
      "no global WebSocket here: pass options.transport (in Node: nodeTransport from @tether/client/node)",
    );
  }
  return (url) => new WS(url);
}

/** Bytes of a message event, or undefined for a text message. */
export function messageBytes(data: unknown): Uint8Array | undefined {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
}
