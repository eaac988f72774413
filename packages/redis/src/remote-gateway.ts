/**
 * The gateway's calls on targets other nodes hold (cluster.md, cross-node delivery and
 * queries): directed calls go to the owner of each session (forwarding.ts), broadcasts and
 * queries to every live node. A node that does not answer in time makes the call reject with
 * SERVER_BUSY, except a best-effort broadcast, which is lost there.
 */
import { ErrorCode, TetherError } from "@tether/protocol";
import type {
  ClusterHost,
  NodeCounts,
  PushOptions,
  SessionCall,
  SessionInfo,
  SessionRef,
  TopicMembers,
} from "@tether/system";
import type { ClusterCounters } from "./cluster-counters.js";
import type { Directory, Held } from "./directory.js";
import { unavailable } from "./errors.js";
import type { FanoutLog } from "./fanout-log.js";
import type { Forwarding } from "./forwarding.js";
import type { Keys } from "./keys.js";
import { type BroadcastRequest, b64, callToWire, type NodeMessage, type Reply } from "./messages.js";
import type { NodeLink } from "./node-link.js";
import type { TopicMembership } from "./topic-membership.js";

export interface RemoteHost {
  readonly nodeId: string;
  readonly keys: Keys;
  readonly timeoutMs: number;
  readonly counters: ClusterCounters;
  readonly forwarding: Forwarding;
  readonly fanouts: FanoutLog;
  link(): NodeLink;
  directory(): Directory;
  membership(): TopicMembership;
  host(): ClusterHost | undefined;
}

export class RemoteGateway {
  private broadcasts = 0;

  constructor(private readonly h: RemoteHost) {}

  /** Runs `f` against Redis; a failure is SERVER_BUSY, counted under `kind`. */
  private async redis<T>(kind: string, f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      this.h.counters.call(kind, "busy");
      throw unavailable(e);
    }
  }

  /** Asks every other live node; rejects with SERVER_BUSY when one does not answer in time. */
  private async askAll(kind: string, message: (id: number) => NodeMessage): Promise<Reply[]> {
    const nodes = await this.redis(kind, () => this.h.link().liveNodes());
    return this.askEach(
      kind,
      nodes.map((n) => [n, message]),
    );
  }

  /** Asks each node its message; rejects with SERVER_BUSY when one does not answer in time. */
  private async askEach(kind: string, asks: readonly (readonly [string, (id: number) => NodeMessage])[]) {
    const h = this.h;
    const replies = await Promise.all(asks.map(([node, message]) => h.link().ask(node, message, h.timeoutMs)));
    if (replies.some((r) => r === undefined)) {
      h.counters.call(kind, "busy");
      throw new TetherError(ErrorCode.SERVER_BUSY, "a node did not answer in time");
    }
    h.counters.call(kind, "ok");
    return replies as Reply[];
  }

  totals(): Promise<NodeCounts> {
    const here = (this.h.host() as ClusterHost).counts();
    return this.redis("totals", () => this.h.link().totals(here));
  }

  async onlineElsewhere(playerIds: readonly number[]): Promise<readonly number[]> {
    if (playerIds.length === 0) return [];
    const dir = this.h.directory();
    const held = await this.redis("online", () => Promise.all(playerIds.map((id) => dir.heldElsewhere(id))));
    return playerIds.filter((_, i) => held[i]?.some((x) => x.attached));
  }

  async sendToPlayerElsewhere(playerId: number, msgId: number, payload: Uint8Array, options: PushOptions) {
    const held = await this.redis("push", () => this.h.directory().heldElsewhere(playerId));
    const f = this.h.forwarding;
    const sent = await Promise.all(held.map((x) => f.pushTo(x.owner, x.sid, msgId, payload, options)));
    return sent.filter(Boolean).length;
  }

  async broadcastElsewhere(msgId: number, payload: Uint8Array, options: PushOptions): Promise<number> {
    const h = this.h;
    const bid = `${h.fanouts.incarnation}:b${++this.broadcasts}`;
    h.fanouts.record(bid); // delivered to this node's sessions just now, by the caller
    h.fanouts.keep({ id: bid, topics: undefined, msgId, payload, options }, true); // and to those on their way here
    const encoded = b64(payload);
    const message = (id: number): BroadcastRequest => ({
      t: "broadcast",
      id,
      from: h.nodeId,
      bid,
      msgId,
      payload: encoded,
      ...options,
    });
    let replies: readonly (Reply | undefined)[];
    if (h.link().countsListeners) {
      // One message on the cluster's broadcast channel; every node that hears it answers.
      const text = (id: number) => JSON.stringify(message(id));
      const link = h.link();
      // A reliable one also counts the live nodes: one that is registered but does not listen
      // (it has just died) makes it reject, as a node that does not answer does.
      const [got, live] = await this.redis("broadcast", () =>
        Promise.all([
          link.gather((id) => link.publishText(h.keys.broadcastChannel, text(id)), h.timeoutMs),
          options.reliable === true ? link.liveNodes() : Promise.resolve([]),
        ]),
      );
      const unheard = got.missing > 0 || (options.reliable === true && got.replies.length < live.length + 1); // + this node
      replies = unheard ? [...got.replies, undefined] : got.replies;
    } else {
      // Redis Cluster: a PUBLISH counts one shard's listeners, so each live node is asked.
      const nodes = await this.redis("broadcast", () => h.link().liveNodes());
      replies = await Promise.all(nodes.map((node) => h.link().ask(node, message, h.timeoutMs)));
    }
    // A node that does not answer: a best-effort broadcast is lost there; a reliable one rejects.
    const late = replies.some((r) => r === undefined);
    h.counters.call("broadcast", late ? "busy" : "ok");
    if (late && options.reliable === true) {
      throw new TetherError(ErrorCode.SERVER_BUSY, "a node did not take the broadcast in time");
    }
    return replies.reduce((n, r) => n + (r?.count ?? 0), 0);
  }

  async kickElsewhere(target: string | { readonly playerId: number }, reason: string): Promise<number> {
    const h = this.h;
    const dir = h.directory();
    const held: readonly Pick<Held, "sid" | "owner">[] = await this.redis("kick", async () => {
      if (typeof target !== "string") return dir.heldElsewhere(target.playerId);
      const owner = await dir.ownerOf(target);
      return owner === undefined ? [] : [{ sid: target, owner }];
    });
    const kicked = await Promise.all(
      held.map(async (x) => {
        const reply = await h
          .link()
          .ask(x.owner, (id) => ({ t: "kick", id, from: h.nodeId, sid: x.sid, reason }), h.timeoutMs);
        h.counters.call("kick", reply === undefined ? "busy" : reply.ok === true ? "ok" : "none");
        if (reply === undefined)
          throw new TetherError(ErrorCode.SERVER_BUSY, "the session's node did not answer in time");
        return reply.ok === true;
      }),
    );
    return kicked.filter(Boolean).length;
  }

  /** A gateway call on a session another node holds; its refusal (a limit) is rethrown here. */
  async callElsewhere(sid: string, call: SessionCall): Promise<boolean> {
    const h = this.h;
    const wire = callToWire(call);
    const reply = await h.forwarding.toOwner(sid, "call", (id) => ({ t: "call", id, from: h.nodeId, sid, call: wire }));
    if (reply?.code !== undefined) throw new TetherError(reply.code, reply.message ?? "refused by the session's node");
    return reply?.ok === true;
  }

  async infoElsewhere(sids: readonly string[]): Promise<SessionInfo[]> {
    const h = this.h;
    const dir = h.directory();
    const owners = await this.redis("info", () => Promise.all(sids.map((sid) => dir.ownerOf(sid))));
    const byOwner = new Map<string, string[]>();
    sids.forEach((sid, i) => {
      const o = owners[i];
      if (o !== undefined) byOwner.set(o, [...(byOwner.get(o) ?? []), sid]);
    });
    if (byOwner.size === 0) return [];
    const replies = await this.askEach(
      "info",
      [...byOwner].map(
        ([node, list]) => [node, (id: number) => ({ t: "info", id, from: h.nodeId, sids: list })] as const,
      ),
    );
    return replies.flatMap((r) => r.infos ?? []);
  }

  async sessionsElsewhere(): Promise<readonly SessionRef[]> {
    const replies = await this.askAll("sessions", (id) => ({ t: "sessions", id, from: this.h.nodeId }));
    return replies.flatMap((r) => (r.sessions ?? []).map(([sessionId, playerId]) => ({ sessionId, playerId })));
  }

  /** Tells every other live node to close the guest connection if it has it (no answer). */
  async kickGuestElsewhere(connId: string, delayMs: number): Promise<void> {
    const h = this.h;
    const nodes = await this.redis("kick-guest", () => h.link().liveNodes());
    await this.redis("kick-guest", () =>
      Promise.all(nodes.map((n) => h.link().tell(n, { t: "kick-guest", connId, delayMs }))),
    );
    h.counters.call("kick-guest", "ok");
  }

  topicList(): Promise<readonly string[]> {
    return this.redis("topics", () => this.h.membership().list());
  }

  topicMembers(topics: readonly string[]): Promise<TopicMembers> {
    const h = this.h;
    return this.redis("topics", async () => {
      const live = new Set([h.nodeId, ...(await h.link().liveNodes())]);
      return h.membership().members(topics, live);
    });
  }
}
