/**
 * A Resume for a session another node holds (cluster.md, resume on another node): this node
 * takes it over (fence + 1) and asks the old owner to hand it over. When the old owner is dead
 * or late, the session continues here: in memory mode with NEED_FULL_SYNC, in log mode with the
 * unacknowledged pushes read back from its stream.
 */
import { randomBytes } from "node:crypto";
import type { SessionState, TakeOver } from "@tether/system";
import type { ClusterCounters } from "./cluster-counters.js";
import { unavailable } from "./errors.js";
import type { FanoutLog } from "./fanout-log.js";
import type { Forwarding } from "./forwarding.js";
import { stateFromWire } from "./messages.js";
import type { NodeLink } from "./node-link.js";
import type { Ownership } from "./ownership.js";
import type { PushLog } from "./push-log.js";
import type { TopicMembership } from "./topic-membership.js";
import type { TopicPublishing } from "./topic-publishing.js";

export interface TakeoverParts {
  readonly nodeId: string;
  readonly fanouts: FanoutLog;
  readonly membership: TopicMembership;
  readonly publishing: TopicPublishing;
  readonly timeoutMs: number;
  readonly counters: ClusterCounters;
  readonly forwarding: Forwarding;
  readonly ownership: Ownership;
  readonly link: NodeLink;
  /** Durability "log" only. */
  readonly log: PushLog | undefined;
}

/** The state of a session whose pushes were lost with its node: its identity and its topics. */
function lostState(
  key: string,
  playerId: number,
  sid: string,
  deviceId: string | undefined,
  epoch: number,
  topics: readonly string[],
): SessionState {
  return {
    sessionId: sid,
    key,
    playerId,
    deviceId,
    sessionEpoch: epoch,
    lastIssuedPushId: 0,
    lastAckedPushId: 0,
    stateRevision: 0,
    replayFloor: 0,
    clientInstance: undefined,
    pushes: [],
    data: [],
    topics, // as its owner last recorded them
    dedupFloor: 0,
    answers: [],
  };
}

/**
 * Asks the old owner for the session; undefined when it is dead, does not hold it or is late.
 * Fan-outs meanwhile are kept for the session (fanout-log.ts): from a mark on its topics' channels
 * on, so that the old owner can say which of them it delivered before it let the session go.
 */
async function askHandoff(
  p: TakeoverParts,
  oldOwner: string,
  sid: string,
  topics: readonly string[],
): Promise<SessionState | undefined> {
  if (!(await p.link.isAlive(oldOwner))) return undefined;
  let mark: string | undefined;
  try {
    await p.membership.listenArriving(topics);
    mark = topics.length > 0 ? `${p.nodeId}:${randomBytes(8).toString("base64url")}` : undefined;
    p.fanouts.expect(sid, topics, mark);
    if (mark !== undefined) await p.publishing.mark(mark, topics[0] as string);
  } catch (e) {
    p.membership.doneArriving(p.fanouts.abandon(sid));
    throw unavailable(e);
  }
  let reply: Awaited<ReturnType<NodeLink["ask"]>>;
  try {
    reply = await p.link.ask(
      oldOwner,
      (id) => ({ t: "handoff", id, from: p.nodeId, sid, ...(mark === undefined ? {} : { mark }) }),
      p.timeoutMs,
    );
  } catch (e) {
    p.membership.doneArriving(p.fanouts.abandon(sid));
    throw unavailable(e);
  }
  if (!reply?.state) {
    p.membership.doneArriving(p.fanouts.abandon(sid));
    return undefined;
  }
  p.fanouts.handed(sid, reply.fanouts ?? []);
  return stateFromWire(reply.state);
}

/** Takes over the session of `key`, wherever it is. */
export async function takeOver(p: TakeoverParts, key: string, playerId: number): Promise<TakeOver> {
  let taken: Awaited<ReturnType<Ownership["takeOver"]>>;
  try {
    taken = await p.ownership.takeOver(key, playerId);
  } catch (e) {
    throw unavailable(e);
  }
  if (taken === undefined) return { kind: "none" };
  const { sid, oldOwner } = taken;
  const asking = oldOwner !== p.nodeId ? askHandoff(p, oldOwner, sid, taken.topics) : Promise.resolve(undefined);
  const handed = await p.forwarding.arrivingWhile(sid, asking);
  if (handed !== undefined) {
    p.counters.handoffs.handed++;
    return { kind: "moved", state: handed };
  }
  const state = lostState(key, playerId, sid, taken.deviceId, taken.sessionEpoch, taken.topics);
  const log = p.log;
  if (log === undefined) {
    p.counters.handoffs.lost++;
    return { kind: "lost", state };
  }
  // Durability "log": the unacknowledged pushes outlived their node.
  let logged: Awaited<ReturnType<PushLog["read"]>>;
  try {
    logged = await log.read(playerId, sid);
  } catch (e) {
    throw unavailable(e);
  }
  p.counters.handoffs["from-log"]++;
  if (logged === undefined) return { kind: "moved", state };
  return {
    kind: "moved",
    state: {
      ...state,
      pushes: logged.pushes,
      lastIssuedPushId: logged.lastIssued,
      lastAckedPushId: logged.floor,
      replayFloor: logged.floor,
      stateRevision: logged.stateRevision,
    },
  };
}
