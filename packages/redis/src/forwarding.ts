/**
 * Directed calls to the node that owns a session (cluster.md, cross-node delivery and handoff
 * step 3): a push or a gateway call for a session this node does not hold goes to its owner,
 * found through the cluster's records, or to the node this one handed it to. A session that
 * moves meanwhile is followed once. The owner runs the call once the session has arrived there
 * and answers whether it did. Nothing is issued twice: a call the owner did not confirm in time
 * rejects with SERVER_BUSY rather than being sent again.
 */
import { ErrorCode, TetherError } from "@tether/protocol";
import type { ClusterHost, PushOptions } from "@tether/system";
import type { ClusterCounters } from "./cluster-counters.js";
import { unavailable } from "./errors.js";
import { b64, bytes, type ForwardedPush, type NodeMessage, optionsOf, type Reply } from "./messages.js";
import type { NodeLink } from "./node-link.js";

export class Forwarding {
  /** Sessions this node handed over, and where to (kept for a session TTL, in arrival order). */
  private readonly movedTo = new Map<string, { readonly owner: string; readonly at: number }>();
  /** Takeovers in progress here: a call forwarded for one waits until the session is here. */
  private readonly arriving = new Map<string, Promise<unknown>>();

  constructor(
    private readonly nodeId: string,
    private readonly timeoutMs: number,
    private readonly link: () => NodeLink,
    private readonly host: () => ClusterHost | undefined,
    /** The live node (not this one) that owns a session, from the cluster's records. */
    private readonly ownerOf: (sid: string) => Promise<string | undefined>,
    private readonly counters: ClusterCounters,
  ) {}

  /** `sid` went to `owner`: calls issued here from now on follow it. */
  moved(sid: string, owner: string): void {
    const now = Date.now();
    const keep = this.host()?.limits.sessionTtlMs ?? 60_000;
    for (const [s, m] of this.movedTo) {
      if (m.at >= now - keep) break;
      this.movedTo.delete(s);
    }
    this.movedTo.delete(sid);
    this.movedTo.set(sid, { owner, at: now });
  }

  /**
   * `sid` is being taken over by this node until `handoff` settles: calls forwarded for it
   * wait (and a turn more, in which the Resume takes the session in).
   */
  arrivingWhile<T>(sid: string, handoff: Promise<T>): Promise<T> {
    this.arriving.set(sid, handoff);
    return handoff.finally(() => {
      setImmediate(() => {
        if (this.arriving.get(sid) === handoff) this.arriving.delete(sid);
      });
    });
  }

  /** A push to a session that is not here: issued by its owner; false when no live node holds it. */
  async send(sid: string, msgId: number, payload: Uint8Array, options: PushOptions): Promise<boolean> {
    const reply = await this.toOwner(sid, "push", (id) => this.push(id, sid, msgId, payload, options));
    if (reply?.ok === true) this.counters.forwarded.sent++;
    return reply?.ok === true;
  }

  /** A push to `sid` held by `owner` (found by the caller). */
  async pushTo(owner: string, sid: string, msgId: number, payload: Uint8Array, options: PushOptions): Promise<boolean> {
    const reply = await this.ask(owner, sid, "push", (id) => this.push(id, sid, msgId, payload, options), true);
    if (reply.ok === true) this.counters.forwarded.sent++;
    return reply.ok === true;
  }

  private push(id: number, sid: string, msgId: number, payload: Uint8Array, options: PushOptions): ForwardedPush {
    return { t: "push", id, from: this.nodeId, sid, msgId, payload: b64(payload), ...options };
  }

  /**
   * Asks the owner of `sid` (wherever it is now) with `message`: its reply, or undefined when
   * no live node holds the session. Rejects with SERVER_BUSY when Redis or the owner does not
   * answer in time.
   */
  async toOwner(sid: string, kind: string, message: (id: number) => NodeMessage): Promise<Reply | undefined> {
    if (typeof sid !== "string") return undefined;
    let owner = this.movedTo.get(sid)?.owner;
    if (owner === undefined) {
      try {
        owner = await this.ownerOf(sid);
      } catch (e) {
        this.counters.call(kind, "busy");
        throw unavailable(e);
      }
    }
    if (owner === undefined) {
      this.counters.call(kind, "none");
      return undefined;
    }
    return this.ask(owner, sid, kind, message, true);
  }

  /** Waits until `sid` is here if it is on its way (a takeover in progress). */
  async whenHere(sid: string): Promise<void> {
    const arriving = this.arriving.get(sid);
    if (arriving === undefined) return;
    await arriving.catch(() => {});
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** The node this one handed `sid` to, for a caller to follow. */
  nextOwner(sid: string): string | undefined {
    return this.movedTo.get(sid)?.owner;
  }

  /**
   * A push forwarded to this node: issued once the session is here. Not issued: the node this
   * one handed the session to, if any, for the sender to follow.
   */
  async take(m: ForwardedPush): Promise<{ readonly ok: boolean; readonly owner?: string }> {
    await this.whenHere(m.sid);
    if (this.host()?.pushHere(m.sid, m.msgId, bytes(m.payload), optionsOf(m)) === true) {
      this.counters.forwarded.taken++;
      return { ok: true };
    }
    const next = this.nextOwner(m.sid);
    return next === undefined ? { ok: false } : { ok: false, owner: next };
  }

  /** Asks `owner`; follows the session once more if it moved on from there. */
  private async ask(
    owner: string,
    sid: string,
    kind: string,
    message: (id: number) => NodeMessage,
    follow: boolean,
  ): Promise<Reply> {
    let reply: Reply | undefined;
    try {
      reply = await this.link().ask(owner, message, this.timeoutMs);
    } catch (e) {
      this.counters.call(kind, "busy");
      throw unavailable(e);
    }
    if (reply === undefined) {
      this.counters.call(kind, "busy");
      throw new TetherError(ErrorCode.SERVER_BUSY, "the session's node did not answer in time");
    }
    const next = reply.owner;
    if (reply.ok !== true && follow && next !== undefined && next !== owner && next !== this.nodeId) {
      return this.ask(next, sid, kind, message, false);
    }
    this.counters.call(kind, reply.ok === true ? "ok" : reply.code !== undefined ? "refused" : "none");
    return reply;
  }
}
