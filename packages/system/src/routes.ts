/**
 * The game's request routes (msgId >= 1000), as raw-bytes handlers. The server layers protobuf
 * types on top. Registering a msgId below 1000, outside 2^31-1, or twice, throws at startup.
 */
import { GAME_MSG_ID_MIN, MSG_ID_MAX } from "@tether/protocol";
import { InvalidOptionError } from "./options.js";
import type { PushOptions } from "./push-ring.js";

export interface RequestContext {
  readonly msgId: number;
  /** 0 for a one-way notify. */
  readonly seq: number;
  readonly connId: string;
  /** Undefined on an open route before authentication. */
  readonly playerId: number | undefined;
  readonly sessionId: string | undefined;
  /** The session's data (a small string map for game code); empty before authentication. */
  readonly data: ReadonlyMap<string, string>;
  /** Fires when the request is dropped: timeout, or the session changed or ended. */
  readonly signal: AbortSignal;
  /**
   * The largest push payload the caller's connection takes now (its max_frame_bytes, less the
   * frame's own room): a larger `push` throws PAYLOAD_TOO_LARGE.
   */
  readonly maxPushBytes: number;
  /** Pushes to the caller's own session; returns the pushId (reliable) or 0. */
  push(msgId: number, payload: Uint8Array, options?: PushOptions): number;
}

/** What a handler returns: the RESP payload, or nothing for an empty RESP (an implicit ack). */
// biome-ignore lint/suspicious/noConfusingVoidType: `void` lets `async () => {}` handlers type-check.
export type HandlerResult = Uint8Array | undefined | void;

export type RequestHandler = (payload: Uint8Array, ctx: RequestContext) => HandlerResult | Promise<HandlerResult>;

export interface RouteOptions {
  /** Works before authentication. Default false. */
  readonly open?: boolean;
  /** Runs beside the session's other requests instead of one at a time. Default false. */
  readonly concurrent?: boolean;
}

export interface Route {
  readonly msgId: number;
  readonly handler: RequestHandler;
  readonly open: boolean;
  readonly concurrent: boolean;
}

export class RouteTable {
  private readonly routes = new Map<number, Route>();

  add(msgId: number, handler: RequestHandler, options: RouteOptions = {}): void {
    if (!Number.isInteger(msgId) || msgId < GAME_MSG_ID_MIN || msgId > MSG_ID_MAX) {
      throw new InvalidOptionError("route", `msgId ${msgId} is not a game msgId (${GAME_MSG_ID_MIN}..${MSG_ID_MAX})`);
    }
    if (this.routes.has(msgId)) throw new InvalidOptionError("route", `msgId ${msgId} is registered twice`);
    if (typeof handler !== "function") throw new InvalidOptionError("route", `msgId ${msgId} needs a handler function`);
    this.routes.set(msgId, { msgId, handler, open: options.open === true, concurrent: options.concurrent === true });
  }

  get(msgId: number): Route | undefined {
    return this.routes.get(msgId);
  }

  has(msgId: number): boolean {
    return this.routes.has(msgId);
  }
}
