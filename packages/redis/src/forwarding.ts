/**
 * Pushes that follow a session to its new node (cluster.md, handoff step 3): a push issued on
 * a node that handed the session over goes to the new owner, which issues it once the session
 * has arrived, and answers whether it did. Nothing is issued twice: a push the owner did not
 * confirm in time rejects with SERVER_BUSY rather than being sent again.
 */
import { ErrorCode, TetherError } from "@tether/protocol";
import type { ClusterHost, PushOptions } from "@tether/system";
import { b64, bytes, type ForwardedPush } from "./messages.js";
import type { NodeLink } from "./node-link.js";

export class Forwarding {
  /** Sessions this node handed over, and where to (kept for a session TTL, in arrival order). */
  private readonly movedTo = new Map<string, { readonly owner: string; readonly at: number }>();
  /** Takeovers in progress here: a push forwarded for one waits until the session is here. */
  private readonly arriving = new Map<string, Promise<unknown>>();

  constructor(
    private readonly nodeId: string,
    private readonly timeoutMs: number,
    private readonly link: () => NodeLink,
    private readonly host: () => ClusterHost | undefined,
    /** The live node (not this one) that owns a session, from the cluster's records. */
    private readonly ownerOf: (sid: string) => Promise<string | undefined>,
  ) {}

  /** `sid` went to `owner`: pushes issued here from now on follow it. */
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
   * `sid` is being taken over by this node until `handoff` settles: pushes forwarded for it
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
    if (typeof sid !== "string") return false;
    let owner = this.movedTo.get(sid)?.owner;
    if (owner === undefined) {
      try {
        owner = await this.ownerOf(sid);
      } catch (e) {
        throw new TetherError(ErrorCode.SERVER_BUSY, `the cluster is unavailable (${String(e)})`);
      }
    }
    return owner === undefined ? false : this.forward(owner, sid, msgId, payload, options, true);
  }

  /** A push to `sid` held by `owner` (found by the caller). */
  pushTo(owner: string, sid: string, msgId: number, payload: Uint8Array, options: PushOptions): Promise<boolean> {
    return this.forward(owner, sid, msgId, payload, options, true);
  }

  /**
   * A push forwarded to this node: issued once the session is here. Not issued: the node this
   * one handed the session to, if any, for the sender to follow.
   */
  async take(m: ForwardedPush): Promise<{ readonly ok: boolean; readonly owner?: string }> {
    const arriving = this.arriving.get(m.sid);
    if (arriving !== undefined) {
      await arriving.catch(() => {});
      await new Promise((resolve) => setImmediate(resolve));
    }
    const options: PushOptions = {
      ...(m.reliable === undefined ? {} : { reliable: m.reliable }),
      ...(m.compress === undefined ? {} : { compress: m.compress }),
      ...(m.rev === undefined ? {} : { rev: m.rev }),
    };
    if (this.host()?.pushHere(m.sid, m.msgId, bytes(m.payload), options) === true) return { ok: true };
    const next = this.movedTo.get(m.sid);
    return next === undefined ? { ok: false } : { ok: false, owner: next.owner };
  }

  /** Asks `owner` to issue a push; follows the session once more if it moved on from there. */
  private async forward(
    owner: string,
    sid: string,
    msgId: number,
    payload: Uint8Array,
    options: PushOptions,
    follow: boolean,
  ): Promise<boolean> {
    let reply: Awaited<ReturnType<NodeLink["ask"]>>;
    try {
      reply = await this.link().ask(
        owner,
        (id) => ({ t: "push", id, from: this.nodeId, sid, msgId, payload: b64(payload), ...options }),
        this.timeoutMs,
      );
    } catch (e) {
      throw new TetherError(ErrorCode.SERVER_BUSY, `the cluster is unavailable (${String(e)})`);
    }
    if (reply === undefined) throw new TetherError(ErrorCode.SERVER_BUSY, "the session's node did not answer in time");
    if (reply.ok === true) return true;
    const next = reply.owner;
    return follow && next !== undefined && next !== owner && next !== this.nodeId
      ? this.forward(next, sid, msgId, payload, options, false)
      : false;
  }
}
