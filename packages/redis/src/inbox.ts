/**
 * What this node does with the messages other nodes send it (messages.ts): handoffs, forwarded
 * pushes and calls, broadcasts, kicks, queries, publishes. Every request is answered, and
 * nothing a message carries can throw past this file: a failure is logged and answered.
 */
import { ErrorCode, TetherError } from "@tether/protocol";
import type { ClusterHost, GatewayHere, Logger } from "@tether/system";
import type { ClusterCounters } from "./cluster-counters.js";
import type { FanoutLog } from "./fanout-log.js";
import type { Forwarding } from "./forwarding.js";
import {
  bytes,
  type CallRequest,
  callFromWire,
  type NodeMessage,
  optionsOf,
  type Reply,
  stateToWire,
} from "./messages.js";
import { answer, type NodeLink } from "./node-link.js";
import type { Ownership } from "./ownership.js";
import type { TopicPublishing } from "./topic-publishing.js";

export interface InboxHost {
  readonly nodeId: string;
  readonly forwarding: Forwarding;
  readonly publishing: TopicPublishing;
  readonly fanouts: FanoutLog;
  readonly counters: ClusterCounters;
  host(): ClusterHost | undefined;
  here(): GatewayHere | undefined;
  link(): NodeLink;
  ownership(): Ownership;
  logger(): Logger | undefined;
  /** Resolves once this node's reliable pushes so far are durable (durability "log"). */
  durable(): Promise<void> | undefined;
  /** An "end-replaced" for a session not in the store yet (its claim is on its way). */
  rememberReplaced(sid: string): void;
}

export class Inbox {
  constructor(private readonly h: InboxHost) {}

  private answer(to: { readonly from: string; readonly id: number }, reply: Omit<Reply, "t" | "id">): void {
    answer(() => this.h.link(), this.h.logger(), to, reply);
  }

  /** Answers once this node's reliable pushes so far are durable. */
  private answerDurable(to: { readonly from: string; readonly id: number }, reply: Omit<Reply, "t" | "id">): void {
    const send = () => this.answer(to, reply);
    void Promise.resolve(this.h.durable()).then(send, send);
  }

  take(m: Exclude<NodeMessage, Reply>): void {
    const h = this.h;
    const host = h.host();
    const here = h.here();
    if (host === undefined || here === undefined) return;
    try {
      this.dispatch(m, host, here);
    } catch (e) {
      h.logger()?.error("a message from another node failed", { kind: m.t, error: String(e) });
      if ("id" in m && "from" in m) this.answer(m, { ok: false });
    }
  }

  private dispatch(m: Exclude<NodeMessage, Reply>, host: ClusterHost, here: GatewayHere): void {
    const h = this.h;
    switch (m.t) {
      case "push":
        h.forwarding.take(m).then(
          (r) => this.answerDurable(m, r),
          (e: unknown) => {
            h.logger()?.warn("a forwarded push failed", { sessionId: m.sid, error: String(e) });
            this.answer(m, { ok: false });
          },
        );
        return;
      case "call":
        this.call(m, here).then(
          (r) => this.answerDurable(m, r),
          (e: unknown) => this.answer(m, { ok: false, code: ErrorCode.INTERNAL, message: String(e) }),
        );
        return;
      case "broadcast": {
        if (m.from === h.nodeId) {
          h.link().deliver({ t: "reply", id: m.id, count: 0 }); // this node's own, on the broadcast channel
          return;
        }
        const payload = bytes(m.payload);
        const options = optionsOf(m);
        h.fanouts.record(m.bid);
        const count = host.broadcastHere(m.msgId, payload, options);
        h.fanouts.keep({ id: m.bid, topics: undefined, msgId: m.msgId, payload, options });
        this.answerDurable(m, { count });
        return;
      }
      case "mark":
        h.fanouts.heardMark(m.mark);
        return;
      case "kick":
        this.answer(m, { ok: host.kickHere(m.sid, m.reason) });
        return;
      case "info":
        this.answer(m, { infos: here.infoHere(m.sids) });
        return;
      case "sessions":
        this.answer(m, { sessions: here.sessionsHere().map((s) => [s.sessionId, s.playerId] as const) });
        return;
      case "kick-guest":
        here.kickGuestHere(m.connId, m.delayMs);
        return;
      case "publish":
        h.publishing.onPublish(m);
        return;
      case "delete-topics":
        h.publishing.onDeleted(m);
        return;
      case "end-replaced":
        h.ownership().forget(m.sid);
        // Not in the store yet: its claim is still on its way here (the message overtook it).
        if (!host.endReplaced(m.sid)) h.rememberReplaced(m.sid);
        return;
      case "handoff": {
        // Its new owner holds the fence now. The session is forgotten once its state is on its
        // way: a draining node leaves when it owns nothing, and must answer first.
        const ownership = h.ownership();
        const link = h.link();
        h.forwarding.moved(m.sid, m.from);
        host
          .handOff(m.sid)
          .then(async (state) => {
            if (state) h.counters.handoffs.given++;
            // Computed as the session leaves: what it got of the fan-outs around the new owner's mark.
            const fanouts = h.fanouts.deliveredSince(m.mark);
            await link.tell(m.from, { t: "reply", id: m.id, state: state ? stateToWire(state) : null, fanouts });
          })
          .catch((e: unknown) => h.logger()?.error("handoff failed", { sessionId: m.sid, error: String(e) }))
          .finally(() => ownership.forget(m.sid));
        return;
      }
    }
  }

  /** A gateway call on a session: run once it is here; refused with its code; or where it went. */
  private async call(m: CallRequest, here: GatewayHere): Promise<Omit<Reply, "t" | "id">> {
    await this.h.forwarding.whenHere(m.sid);
    try {
      if (await here.callHere(m.sid, callFromWire(m.call))) return { ok: true };
    } catch (e) {
      if (e instanceof TetherError) return { ok: false, code: e.code, message: e.message };
      throw e;
    }
    const next = this.h.forwarding.nextOwner(m.sid);
    return next === undefined ? { ok: false } : { ok: false, owner: next };
  }
}
