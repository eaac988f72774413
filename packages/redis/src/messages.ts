/**
 * What nodes say to one another on their channels (cluster.md, cross-node delivery): JSON, with
 * byte fields as base64. A request carries an id and the channel to answer on; the answer
 * carries the same id.
 */
import type { MovedPush, SessionState } from "@tether/system";

/** Hand `sid` over to `from` (handoff, step 3): answered with the session's state, or none. */
export interface HandoffRequest {
  readonly t: "handoff";
  readonly id: number;
  readonly from: string;
  readonly sid: string;
}

/** Issue a push to `sid`, forwarded by a node that no longer holds it: answered ok or not. */
export interface ForwardedPush {
  readonly t: "push";
  readonly id: number;
  readonly from: string;
  readonly sid: string;
  readonly msgId: number;
  /** base64 */
  readonly payload: string;
  readonly reliable?: boolean;
  readonly compress?: boolean;
  readonly rev?: number;
}

/** Push to every session of the node (gateway.broadcast from another node): answered with the count. */
export interface BroadcastRequest {
  readonly t: "broadcast";
  readonly id: number;
  readonly from: string;
  readonly msgId: number;
  /** base64 */
  readonly payload: string;
  readonly reliable?: boolean;
  readonly compress?: boolean;
  readonly rev?: number;
}

/** Kick `sid` (gateway.kick from another node): answered ok when it was here and ended. */
export interface KickRequest {
  readonly t: "kick";
  readonly id: number;
  readonly from: string;
  readonly sid: string;
  readonly reason: string;
}

/** A Login on another node replaced `sid`: close its connection (4500) and end it. */
export interface EndReplaced {
  readonly t: "end-replaced";
  readonly sid: string;
}

export interface Reply {
  readonly t: "reply";
  readonly id: number;
  /** To a handoff: the handed-over state (encoded), or null when the node does not hold the session. */
  readonly state?: WireState | null;
  /** To a push: whether the node issued it. */
  readonly ok?: boolean;
  /** To a broadcast: how many sessions it reached there. */
  readonly count?: number;
  /** To a push not issued: the node the session went to from there. */
  readonly owner?: string;
}

export type NodeMessage = HandoffRequest | ForwardedPush | BroadcastRequest | KickRequest | EndReplaced | Reply;

type Bytes<T> = { [K in keyof T]: T[K] extends Uint8Array ? string : T[K] };

/** A SessionState as JSON: payloads in base64. */
export interface WireState extends Omit<SessionState, "pushes" | "answers"> {
  readonly pushes: readonly Bytes<MovedPush>[];
  readonly answers: readonly Bytes<SessionState["answers"][number]>[];
}

export const b64 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("base64");
export const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, "base64"));

export function stateToWire(s: SessionState): WireState {
  return {
    ...s,
    pushes: s.pushes.map((p) => ({ ...p, payload: b64(p.payload) })),
    answers: s.answers.map((a) => ({ ...a, payload: b64(a.payload) })),
  };
}

export function stateFromWire(w: WireState): SessionState {
  return {
    ...w,
    pushes: w.pushes.map((p) => ({ ...p, payload: bytes(p.payload) })),
    answers: w.answers.map((a) => ({ ...a, payload: bytes(a.payload) })),
  };
}

/** A message from a channel, or undefined when it is not one of ours. */
export function parseMessage(text: string): NodeMessage | undefined {
  try {
    const m = JSON.parse(text) as { t?: unknown };
    if (m === null || typeof m !== "object") return undefined;
    if (["handoff", "push", "broadcast", "kick", "end-replaced", "reply"].includes(String(m.t)))
      return m as NodeMessage;
  } catch {
    // not JSON: not ours
  }
  return undefined;
}
