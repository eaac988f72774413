/** `@tether/client/node`: the transport for Node, on `ws` (install it beside the client). */
import { WebSocket } from "ws";
import type { TransportFactory, WebSocketLike } from "../transport.js";

export const nodeTransport: TransportFactory = (url) =>
  new WebSocket(url, { perMessageDeflate: false }) as unknown as WebSocketLike;
