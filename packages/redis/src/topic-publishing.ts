/**
 * Publishes across nodes (cluster.md, topics): a publish crosses Redis once per topic, on the
 * topic's channel, heard by the nodes with members of it. Each node issues it once to its own
 * members of all the published topics (encoded once there; a session in several of them gets
 * one copy, however many of the channels the node hears it on) and answers every copy it hears,
 * so the publisher knows when every node has taken it.
 */
import { ErrorCode, TetherError } from "@tether/protocol";
import type { GatewayHere, Logger, PushOptions } from "@tether/system";
import type { ClusterCounters } from "./cluster-counters.js";
import { unavailable } from "./errors.js";
import type { FanoutLog } from "./fanout-log.js";
import type { Keys } from "./keys.js";
import {
  b64,
  bytes,
  optionsOf,
  type Reply,
  type TopicMark,
  type TopicPublish,
  type TopicsDeleted,
} from "./messages.js";
import { answer, type NodeLink } from "./node-link.js";
import type { TopicMembership } from "./topic-membership.js";

export interface PublishingHost {
  readonly nodeId: string;
  readonly keys: Keys;
  readonly timeoutMs: number;
  readonly counters: ClusterCounters;
  /** The fan-outs this node delivered, and those kept for sessions on their way here. */
  readonly fanouts: FanoutLog;
  link(): NodeLink;
  membership(): TopicMembership;
  here(): GatewayHere | undefined;
  logger(): Logger | undefined;
  /** Resolves once this node's reliable pushes so far are durable (durability "log"). */
  durable(): Promise<void> | undefined;
}

export class TopicPublishing {
  private seq = 0;

  constructor(private readonly h: PublishingHost) {}

  /** Publishes to other nodes' members of `topics`; resolves with how many sessions took it. */
  async publish(topics: readonly string[], msgId: number, payload: Uint8Array, options: PushOptions): Promise<number> {
    if (topics.length === 0) return 0;
    const h = this.h;
    const pid = `${h.fanouts.incarnation}:${++this.seq}`;
    h.fanouts.record(pid); // delivered to this node's members just now, by the caller
    h.fanouts.keep({ id: pid, topics, msgId, payload, options }, true); // and to those on their way here
    const encoded = b64(payload);
    const { replies, missing } = await this.toChannels("publish", topics, (id) => ({
      t: "publish",
      id,
      from: h.nodeId,
      pid,
      topics,
      msgId,
      payload: encoded,
      ...options,
    }));
    // A node that did not answer: a best-effort publish may be lost there; a reliable one rejects.
    if (missing > 0 && options.reliable !== false) {
      h.counters.call("publish", "busy");
      throw new TetherError(ErrorCode.SERVER_BUSY, "a node did not take the publish in time");
    }
    h.counters.call("publish", "ok");
    return replies.reduce((n, r) => n + (r.count ?? 0), 0);
  }

  /** Deletes `topics` cluster-wide: their membership, then every node's members. */
  async deleteTopics(topics: readonly string[]): Promise<void> {
    if (topics.length === 0) return;
    const h = this.h;
    try {
      await h.membership().delete(topics);
    } catch (e) {
      h.counters.call("delete-topics", "busy");
      throw unavailable(e);
    }
    const { missing } = await this.toChannels("delete-topics", topics, (id) => ({
      t: "delete-topics",
      id,
      from: h.nodeId,
      topics,
    }));
    h.counters.call("delete-topics", missing > 0 ? "busy" : "ok");
    if (missing > 0) throw new TetherError(ErrorCode.SERVER_BUSY, "a node did not delete the topics in time");
  }

  /** Sends one message on each topic's channel and gathers an answer per node that heard it. */
  private async toChannels(
    kind: string,
    topics: readonly string[],
    message: (id: number) => TopicPublish | TopicsDeleted,
  ): Promise<{ readonly replies: readonly Reply[]; readonly missing: number }> {
    const h = this.h;
    const link = h.link();
    try {
      return await link.gather(async (id) => {
        const text = JSON.stringify(message(id));
        const heard = await Promise.all(topics.map((t) => link.publishText(h.keys.topicChannel(t), text)));
        return heard.reduce((a, b) => a + b, 0);
      }, h.timeoutMs);
    } catch (e) {
      h.counters.call(kind, "busy");
      throw unavailable(e);
    }
  }

  /** A publish heard on a topic channel: taken once per pid, every copy answered. */
  onPublish(m: TopicPublish): void {
    const h = this.h;
    if (m.from === h.nodeId) {
      h.link().deliver({ t: "reply", id: m.id, count: 0 }); // this node's own: issued (and kept) already
      return;
    }
    if (h.fanouts.has(m.pid)) {
      this.answer(m, 0);
      return;
    }
    h.fanouts.record(m.pid);
    const payload = bytes(m.payload);
    const options = optionsOf(m);
    let count = 0;
    try {
      count = h.here()?.publishHere(m.topics, m.msgId, payload, options) ?? 0;
    } catch (e) {
      h.logger()?.warn("a publish from another node failed", { error: String(e) });
    }
    h.fanouts.keep({ id: m.pid, topics: m.topics, msgId: m.msgId, payload, options });
    // Answered once its reliable copies are durable (durability "log").
    const reply = () => this.answer(m, count);
    void Promise.resolve(h.durable()).then(reply, reply);
  }

  /** Topics deleted by another node: forgotten here. */
  onDeleted(m: TopicsDeleted): void {
    const h = this.h;
    if (m.from === h.nodeId) {
      h.link().deliver({ t: "reply", id: m.id, count: 0 });
      return;
    }
    try {
      h.here()?.deleteTopicsHere(m.topics);
    } catch (e) {
      h.logger()?.warn("deleting topics for another node failed", { error: String(e) });
    }
    this.answer(m, 0);
  }

  /** Publishes `mark` on a topic channel, for a session this node is taking over (fanout-log.ts). */
  async mark(mark: string, topic: string): Promise<void> {
    const message: TopicMark = { t: "mark", mark };
    await this.h.link().publishText(this.h.keys.topicChannel(topic), JSON.stringify(message));
  }

  private answer(m: { readonly from: string; readonly id: number }, count: number): void {
    answer(() => this.h.link(), this.h.logger(), m, { count });
  }
}
