/**
 * What nodes say to one another on their channels (cluster.md, cross-node delivery): JSON, with
 * byte fields as base64. A request carries an id and the channel to answer on; the answer
 * carries the same id.
 */
import type { DataNotify, MovedPush, PushOptions, SessionCall, SessionInfo, SessionState } from "@tether/system";

/** Hand `sid` over to `from` (handoff, step 3): answered with the session's state, or none. */
export interface HandoffRequest {
  readonly t: "handoff";
  readonly id: number;
  readonly from: string;
  readonly sid: string;
  /** The mark the new owner published on the session's topics (fanout-log.ts). */
  readonly mark?: string;
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
  /** The broadcast's id, the same on every node (fanout-log.ts). */
  readonly bid: string;
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

/** Run a gateway call on `sid` (subscribe, session data...): answered ok, refused (code), or not here. */
export interface CallRequest {
  readonly t: "call";
  readonly id: number;
  readonly from: string;
  readonly sid: string;
  readonly call: WireCall;
}

/** The info of those of `sids` the node holds: answered with `infos`. */
export interface InfoRequest {
  readonly t: "info";
  readonly id: number;
  readonly from: string;
  readonly sids: readonly string[];
}

/** Every session the node holds: answered with `sessions`. */
export interface SessionsRequest {
  readonly t: "sessions";
  readonly id: number;
  readonly from: string;
}

/** Close a guest connection of the node after `delayMs` if it has not authenticated (no answer). */
export interface KickGuest {
  readonly t: "kick-guest";
  readonly connId: string;
  readonly delayMs: number;
}

/**
 * A publish, on each published topic's channel: every node that hears it answers each copy
 * (with its count on the first, 0 on the others), and issues it once to its members of
 * `topics` (`pid` tells copies of one publish apart).
 */
export interface TopicPublish {
  readonly t: "publish";
  readonly id: number;
  readonly from: string;
  readonly pid: string;
  readonly topics: readonly string[];
  readonly msgId: number;
  /** base64 */
  readonly payload: string;
  readonly reliable?: boolean;
  readonly compress?: boolean;
  readonly rev?: number;
}

/** A node taking a session over marks the session's topic channels (fanout-log.ts); no answer. */
export interface TopicMark {
  readonly t: "mark";
  readonly mark: string;
}

/** `topics` were deleted: every node that hears it forgets them, and answers. */
export interface TopicsDeleted {
  readonly t: "delete-topics";
  readonly id: number;
  readonly from: string;
  readonly topics: readonly string[];
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
  /** To a push or call not issued: the node the session went to from there. */
  readonly owner?: string;
  /** To a call refused: the TetherError's code and message. */
  readonly code?: number;
  readonly message?: string;
  /** To an info request. */
  readonly infos?: readonly SessionInfo[];
  /** To a handoff: the fan-outs the old owner delivered around the mark (fanout-log.ts). */
  readonly fanouts?: readonly string[];
  /** To a sessions request: [sessionId, playerId] pairs. */
  readonly sessions?: readonly (readonly [string, number])[];
}

export type NodeMessage =
  | HandoffRequest
  | ForwardedPush
  | BroadcastRequest
  | KickRequest
  | EndReplaced
  | CallRequest
  | InfoRequest
  | SessionsRequest
  | KickGuest
  | TopicPublish
  | TopicsDeleted
  | TopicMark
  | Reply;

const KINDS = new Set<string>([
  "handoff",
  "push",
  "broadcast",
  "kick",
  "end-replaced",
  "call",
  "info",
  "sessions",
  "kick-guest",
  "publish",
  "delete-topics",
  "mark",
  "reply",
]);

type WithoutNotify<C> = C extends unknown ? Omit<C, "notify"> : never;

/** A SessionCall as JSON: a notify's payload in base64. */
export type WireCall = WithoutNotify<SessionCall> & {
  readonly notify?: { readonly msgId: number; readonly payload: string; readonly options?: PushOptions };
};

/** The push options carried by a message, without the fields it does not set. */
export function optionsOf(m: { reliable?: boolean; compress?: boolean; rev?: number }): {
  reliable?: boolean;
  compress?: boolean;
  rev?: number;
} {
  return {
    ...(m.reliable === undefined ? {} : { reliable: m.reliable }),
    ...(m.compress === undefined ? {} : { compress: m.compress }),
    ...(m.rev === undefined ? {} : { rev: m.rev }),
  };
}

export function callToWire(call: SessionCall): WireCall {
  const { notify, ...rest } = call as SessionCall & { notify?: DataNotify };
  return notify === undefined ? rest : { ...rest, notify: { ...notify, payload: b64(notify.payload) } };
}

export function callFromWire(w: WireCall): SessionCall {
  const { notify, ...rest } = w;
  return (
    notify === undefined ? rest : { ...rest, notify: { ...notify, payload: bytes(notify.payload) } }
  ) as SessionCall;
}
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
    if (KINDS.has(String(m.t))) return m as NodeMessage;
  } catch {
    // not JSON: not ours
  }
  return undefined;
}
